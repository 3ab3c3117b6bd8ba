#include "pdf/deflate.hpp"

#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>
#include <libdeflate.h>

#include <cstdint>
#include <exception>
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
  const HPDF_List entries = pdf->xref->entries;
  for (HPDF_UINT i = 0; i < entries->count; ++i) {  // in the order libharu writes them
    auto* d = static_cast<HPDF_Dict>(static_cast<HPDF_XrefEntry>(HPDF_List_ItemAt(entries, i))->obj);
    if (!d || (d->header.obj_class & HPDF_OCLASS_ANY) != HPDF_OCLASS_DICT || !marked(d) || !to_compress(d)) continue;
    std::string raw;
    if (!read_all(d->stream, raw)) continue;
    const bool remember = d->before_write_fn == compress_remembered_before_write;
    std::string cached;
    if (remember && packed_cache().find(raw, cached)) continue;  // the hook finds it there
    jobs_.push_back({d, std::move(raw), {}, remember});
  }
  if (jobs_.size() < 2) return;  // one stream gains nothing from a second thread
  state_.assign(jobs_.size(), kFree);
  helpers_.reserve(threads - 1);
  for (unsigned t = 1; t < threads && t < jobs_.size(); ++t) {
    try {
      helpers_.emplace_back([this] { help(); });
    } catch (const std::exception&) {  // no thread to be had: fewer helpers
      break;
    }
  }
  if (helpers_.empty()) return;
  previous_ = prepacked;
  prepacked = this;
  active_ = true;
}

void Prepacked::help() {
  // From the last stream written backwards, while the save claims them from the first.
  for (std::size_t k = jobs_.size(); k-- > 0;) {
    {
      const std::lock_guard lock(mutex_);
      if (state_[k] != kFree) continue;
      state_[k] = kClaimed;
    }
    try {
      jobs_[k].packed = flate(jobs_[k].raw);
    } catch (const std::bad_alloc&) {
      jobs_[k].packed.clear();  // the save compresses it itself
    }
    const std::lock_guard lock(mutex_);
    state_[k] = kDone;
    done_.notify_all();
  }
}

Prepacked::~Prepacked() {
  {
    const std::lock_guard lock(mutex_);
    for (int& st : state_)  // nothing new for the helpers (after a failed save)
      if (st == kFree) st = kMine;
  }
  for (auto& t : helpers_) t.join();
  if (!active_) return;
  prepacked = previous_;
  for (std::size_t k = 0; k < jobs_.size(); ++k)
    if (jobs_[k].remember && state_[k] == kDone) packed_cache().add(jobs_[k].raw, jobs_[k].packed);
}

const std::string* Prepacked::take(HPDF_Dict d, const std::string& raw) {
  for (std::size_t k = 0; k < jobs_.size(); ++k) {
    if (jobs_[k].dict != d) continue;
    std::unique_lock lock(mutex_);
    if (state_[k] == kFree) {
      state_[k] = kMine;  // no helper took it
      return nullptr;
    }
    done_.wait(lock, [&] { return state_[k] != kClaimed; });
    if (state_[k] != kDone) return nullptr;
    return jobs_[k].packed.empty() || jobs_[k].raw != raw ? nullptr : &jobs_[k].packed;
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
