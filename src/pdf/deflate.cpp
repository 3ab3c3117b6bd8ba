#include "pdf/deflate.hpp"

#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>
#include <libdeflate.h>

#include <cstdint>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>
#include <unordered_map>
#include <vector>

namespace briefing::pdf {

namespace {

/// libdeflate's level for every stream. At 6, as zlib's default that libharu used, the seed's
/// streams come out 0.6 % smaller in a third of the time (1.1 against 3.0 ms, 7.4 M against 13.5 M
/// instructions); 7 and up cost more than they save in bytes.
constexpr int kLevel = 6;

/// One compressor per thread, reused for every stream of every document.
libdeflate_compressor* compressor() {
  struct Owner {
    libdeflate_compressor* c = libdeflate_alloc_compressor(kLevel);
    ~Owner() { libdeflate_free_compressor(c); }
  };
  thread_local Owner owner;
  return owner.c;
}

/// Writes the /Filter entry libharu would have written for a deflated stream.
HPDF_STATUS write_flate_filter(HPDF_Dict, HPDF_Stream out) {
  return HPDF_Stream_WriteStr(out, "/Filter [ /FlateDecode ]\012");
}

/// The bytes of a memory stream, in one piece.
bool read_all(HPDF_Stream s, std::string& out) {
  out.clear();
  out.reserve(s->size);
  const HPDF_UINT n = HPDF_MemStream_GetBufCount(s);
  for (HPDF_UINT i = 0; i < n; ++i) {
    HPDF_UINT len = 0;
    const HPDF_BYTE* p = HPDF_MemStream_GetBufPtr(s, i, &len);
    if (!p) return false;
    out.append(reinterpret_cast<const char*>(p), len);
  }
  return out.size() == s->size;
}

/// Compressed font streams of this process by their raw bytes: a batch embeds the same subset
/// (FontFile2, CIDToGIDMap, ToUnicode) of a face again and again, and libdeflate's output for
/// the same bytes is always the same. Starts afresh past a bound.
class PackedCache {
 public:
  /// The compressed bytes remembered for `raw`, if any.
  bool find(const std::string& raw, std::string& packed) {
    std::lock_guard lock(mutex_);
    const auto it = map_.find(raw);
    if (it == map_.end()) return false;
    packed = it->second;
    return true;
  }

  /// Remembers the compressed bytes of `raw` (not a failure's).
  void add(const std::string& raw, const std::string& packed) {
    if (packed.empty()) return;
    std::lock_guard lock(mutex_);
    if (map_.size() >= kMaxEntries || bytes_ > kMaxBytes) map_.clear(), bytes_ = 0;
    if (map_.emplace(raw, packed).second) bytes_ += raw.size() + packed.size();
  }

  /// The compressed bytes of `raw`, remembered or made (and remembered).
  std::string get(const std::string& raw) {
    std::string packed;
    if (find(raw, packed)) return packed;
    packed = flate(raw);
    add(raw, packed);
    return packed;
  }

 private:
  static constexpr std::size_t kMaxEntries = 512, kMaxBytes = 32u << 20;
  std::mutex mutex_;
  std::unordered_map<std::string, std::string> map_;
  std::size_t bytes_ = 0;
};

PackedCache& packed_cache() {
  static PackedCache cache;
  return cache;
}

/// The least raw bytes worth a helper thread: about 2 ms of compression. A helper needs some
/// 0.2 ms before its first stream is done (thread, compressor, fresh memory); measured on the
/// 2-core machine, the seed's 115 KB were no faster with one even at best (save 1.15 against
/// 1.32 ms, minimum of 60), the 10-page article's 340 KB were (3.60 against 2.23 ms).
constexpr std::size_t kMinParallelBytes = 192 * 1024;

/// The streams compressed ahead of the save that runs on this thread, if any.
thread_local Prepacked* prepacked = nullptr;

/// True for a plain memory stream that libharu would deflate and nobody has compressed yet.
bool to_compress(HPDF_Dict d) {
  return d->stream && d->stream->type == HPDF_STREAM_MEMORY && d->filter == HPDF_STREAM_FILTER_FLATE_DECODE &&
         !d->write_fn;
}

/// Replaces a stream's bytes by their flate() form: compressed ahead, or now (through the cache
/// when `remember`).
HPDF_STATUS compress(HPDF_Dict d, bool remember) {
  if (!to_compress(d)) return HPDF_OK;  // libharu writes it as before
  std::string raw;
  if (!read_all(d->stream, raw)) return HPDF_OK;
  const std::string* ahead = prepacked ? prepacked->take(d, raw) : nullptr;
  const std::string packed = ahead ? *ahead : remember ? packed_cache().get(raw) : flate(raw);
  if (packed.empty() && !raw.empty()) return HPDF_OK;
  HPDF_MemStream_FreeData(d->stream);
  const HPDF_STATUS rc = HPDF_Stream_Write(d->stream, reinterpret_cast<const HPDF_BYTE*>(packed.data()),
                                           static_cast<HPDF_UINT>(packed.size()));
  if (rc != HPDF_OK) return rc;
  d->filter = HPDF_STREAM_FILTER_NONE;  // libharu copies the bytes and drops its /Filter entry …
  d->write_fn = write_flate_filter;     // … and this writes it back
  return HPDF_OK;
}

/// The before-write functions deflate_on_write() installs.
HPDF_STATUS compress_before_write(HPDF_Dict d) {
  return compress(d, false);
}
HPDF_STATUS compress_remembered_before_write(HPDF_Dict d) {
  return compress(d, true);
}

/// True for a stream that deflate_on_write() has set up.
bool marked(HPDF_Dict d) {
  return d->before_write_fn == compress_before_write || d->before_write_fn == compress_remembered_before_write;
}

}  // namespace

Prepacked::Prepacked(HPDF_Doc pdf, unsigned threads) {
  if (threads < 2) return;
  std::vector<HPDF_Dict> streams;
  std::size_t bytes = 0;
  const HPDF_List entries = pdf->xref->entries;
  for (HPDF_UINT i = 0; i < entries->count; ++i) {  // in the order libharu writes them
    auto* d = static_cast<HPDF_Dict>(static_cast<HPDF_XrefEntry>(HPDF_List_ItemAt(entries, i))->obj);
    if (!d || (d->header.obj_class & HPDF_OCLASS_ANY) != HPDF_OCLASS_DICT || !marked(d) || !to_compress(d)) continue;
    streams.push_back(d);
    bytes += d->stream->size;
  }
  if (streams.size() < 2 || bytes < kMinParallelBytes) return;
  auto shared = std::make_unique<Shared>();
  for (HPDF_Dict d : streams) {
    std::string raw;
    if (!read_all(d->stream, raw)) continue;
    const bool remember = d->before_write_fn == compress_remembered_before_write;
    std::string cached;
    if (remember && packed_cache().find(raw, cached)) continue;  // the hook finds it there
    shared->jobs.push_back({d, std::move(raw), {}, remember});
  }
  if (shared->jobs.size() < 2) return;
  shared->state.assign(shared->jobs.size(), kFree);
  for (unsigned t = 1; t < threads && t < shared->jobs.size(); ++t) {
    const std::lock_guard lock(shared->mutex);  // counted before it can count itself out
    try {
      std::thread([s = shared.get()] { help(s); }).detach();
      ++shared->helpers;
    } catch (const std::exception&) {  // no thread to be had: fewer helpers
      break;
    }
  }
  if (shared->helpers == 0) return;  // no thread runs, none ever will
  shared_ = shared.release();
  previous_ = prepacked;
  prepacked = this;
}

void Prepacked::help(Shared* s) {
  // From the last stream written backwards, while the save takes them from the first.
  for (std::size_t k = s->jobs.size(); k-- > 0;) {
    {
      const std::lock_guard lock(s->mutex);
      if (s->state[k] != kFree) continue;
      s->state[k] = kClaimed;
    }
    try {
      s->jobs[k].packed = flate(s->jobs[k].raw);
    } catch (const std::bad_alloc&) {
      s->jobs[k].packed.clear();  // not used
    }
    const std::lock_guard lock(s->mutex);
    s->state[k] = kDone;
  }
  std::unique_lock lock(s->mutex);
  if (--s->helpers > 0 || !s->abandoned) return;
  lock.unlock();
  delete s;  // the save is over and this was the last helper
}

Prepacked::~Prepacked() {
  if (!shared_) return;
  prepacked = previous_;
  std::unique_lock lock(shared_->mutex);
  for (std::size_t k = 0; k < shared_->jobs.size(); ++k) {
    int& state = shared_->state[k];
    if (state == kFree) state = kMine;  // nothing new for the helpers (after a failed save)
    const Job& job = shared_->jobs[k];
    if (state == kDone && job.remember) packed_cache().add(job.raw, job.packed);
  }
  shared_->abandoned = true;
  if (shared_->helpers > 0) return;  // the last helper deletes it
  lock.unlock();
  delete shared_;
}

const std::string* Prepacked::take(HPDF_Dict d, const std::string& raw) {
  Shared& s = *shared_;
  for (std::size_t k = 0; k < s.jobs.size(); ++k) {
    if (s.jobs[k].dict != d) continue;
    const std::lock_guard lock(s.mutex);
    if (s.state[k] == kFree) s.state[k] = kMine;  // no helper took it
    if (s.state[k] != kDone) return nullptr;      // or one is at work on it: not waited for
    return s.jobs[k].packed.empty() || s.jobs[k].raw != raw ? nullptr : &s.jobs[k].packed;
  }
  return nullptr;
}

std::string flate(std::string_view data) {
  // libdeflate picks its Adler-32 routine for the CPU on the first call and stores it without a
  // lock; that first call is made once, under the static's guard, before threads race for it.
  static const std::uint32_t warmed = libdeflate_adler32(1, "", 0);
  (void)warmed;
  libdeflate_compressor* c = compressor();
  if (!c) return {};
  std::string out(libdeflate_zlib_compress_bound(c, data.size()), '\0');
  const std::size_t n = libdeflate_zlib_compress(c, data.data(), data.size(), out.data(), out.size());
  out.resize(n);
  return out;
}

void deflate_on_write(HPDF_Dict stream_dict, bool remember) {
  if (!stream_dict || !stream_dict->stream) return;
  const HPDF_Dict_BeforeWriteFunc fn = stream_dict->before_write_fn;
  if (fn && fn != compress_before_write && fn != compress_remembered_before_write) return;
  stream_dict->before_write_fn = remember ? compress_remembered_before_write : compress_before_write;
}

}  // namespace briefing::pdf
