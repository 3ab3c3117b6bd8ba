#include "pdf/deflate.hpp"

#include <hpdf_objects.h>
#include <hpdf_streams.h>
#include <libdeflate.h>

#include <hpdf_doc.h>

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <mutex>
#include <system_error>
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
thread_local const Prepacked* prepacked = nullptr;

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
  const std::string* ahead = prepacked ? prepacked->find(d, raw) : nullptr;
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

/// Runs `work` on `threads` threads, this one included (fewer if threads cannot be started).
template <typename Work>
void run_on(unsigned threads, const Work& work) {
  std::vector<std::thread> helpers;
  for (unsigned t = 1; t < threads; ++t) {
    try {
      helpers.emplace_back(work);
    } catch (const std::system_error&) {
      break;
    }
  }
  work();
  for (auto& t : helpers) t.join();
}

}  // namespace

Prepacked::Prepacked(HPDF_Doc pdf, unsigned threads) {
  if (threads < 2) return;
  const HPDF_List entries = pdf->xref->entries;
  for (HPDF_UINT i = 0; i < entries->count; ++i) {
    auto* d = static_cast<HPDF_Dict>(static_cast<HPDF_XrefEntry>(HPDF_List_ItemAt(entries, i))->obj);
    if (!d || (d->header.obj_class & HPDF_OCLASS_ANY) != HPDF_OCLASS_DICT || !marked(d) || !to_compress(d)) continue;
    Job job{d, {}, {}, d->before_write_fn == compress_remembered_before_write};
    if (read_all(d->stream, job.raw) && !(job.remember && packed_cache().find(job.raw, job.packed)))
      jobs_.push_back(std::move(job));
  }
  if (jobs_.size() < 2) return;  // one stream gains nothing from a second thread
  // Largest first, so that the threads finish together; each stream is compressed whole and
  // alone, so the bytes are the same whichever thread takes it.
  std::sort(jobs_.begin(), jobs_.end(), [](const Job& a, const Job& b) { return a.raw.size() > b.raw.size(); });
  std::atomic<std::size_t> next{0};
  run_on(std::min<std::size_t>(threads, jobs_.size()), [&] {
    for (std::size_t k; (k = next.fetch_add(1)) < jobs_.size();) {
      try {
        jobs_[k].packed = flate(jobs_[k].raw);
      } catch (const std::bad_alloc&) {
        jobs_[k].packed.clear();  // compressed when written instead
      }
    }
  });
  for (const Job& job : jobs_)
    if (job.remember) packed_cache().add(job.raw, job.packed);
  previous_ = prepacked;
  prepacked = this;
  active_ = true;
}

Prepacked::~Prepacked() {
  if (active_) prepacked = previous_;
}

const std::string* Prepacked::find(HPDF_Dict d, const std::string& raw) const {
  for (const Job& job : jobs_)
    if (job.dict == d) return job.packed.empty() || job.raw != raw ? nullptr : &job.packed;
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
