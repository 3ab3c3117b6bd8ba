// Stream compression with libdeflate instead of libharu's zlib calls: faster, and smaller output.
#pragma once

#include <hpdf.h>

#include <string>
#include <string_view>
#include <vector>

namespace briefing::pdf {

/// The zlib-wrapped deflate of `data` (what /FlateDecode reads), at the level the PDF uses.
[[nodiscard]] std::string flate(std::string_view data);

/// Makes a stream dictionary compress itself with flate() when it is written: just before
/// libharu writes it, the stream's bytes are replaced by their compressed form, libharu's own
/// filter is switched off (so it copies them as they are) and /Filter /FlateDecode is written
/// with the other entries. Only streams libharu would have deflated are touched (the filter
/// libharu has set by then decides), so nothing that was stored uncompressed becomes compressed.
/// With `remember`, the compressed bytes are also kept for the process, by the raw bytes, and
/// reused when the same bytes come again (font streams in a batch).
void deflate_on_write(HPDF_Dict stream_dict, bool remember = false);

/// The streams of one document that deflate_on_write() was asked for, compressed ahead of its
/// save on several threads: while this lives, the compression just before a stream is written
/// on this thread takes the result made here (unless the stream's bytes have changed since).
/// Each stream is compressed whole and alone by the same compressor as on the serial path, so
/// the PDF's bytes are the same at any thread count. With fewer than two threads or streams it
/// does nothing, and the streams are compressed one by one as they are written.
class Prepacked {
 public:
  /// Compresses on up to `threads` threads, this one included.
  Prepacked(HPDF_Doc pdf, unsigned threads);
  ~Prepacked();
  Prepacked(const Prepacked&) = delete;
  Prepacked& operator=(const Prepacked&) = delete;

  /// The compressed form of stream `d` made ahead, if its bytes are still `raw`; else null.
  [[nodiscard]] const std::string* find(HPDF_Dict d, const std::string& raw) const;

 private:
  struct Job {
    HPDF_Dict dict;
    std::string raw, packed;
    bool remember;
  };
  std::vector<Job> jobs_;
  const Prepacked* previous_ = nullptr;
  bool active_ = false;
};

}  // namespace briefing::pdf
