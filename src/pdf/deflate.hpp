// Stream compression with libdeflate instead of libharu's zlib calls: faster, and smaller output.
#pragma once

#include <hpdf.h>

#include <mutex>
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

/// The streams of one document that deflate_on_write() was asked for, compressed on helper
/// threads while the document is saved: the helpers take them from the last one written
/// backwards, and the save (the compression just before a stream is written, on this thread)
/// uses what they have finished and compresses the others itself, without ever waiting for a
/// helper (on a busy machine a helper may not get a core for milliseconds). Helpers are
/// detached: one still at work when the save is over finishes its stream on its own copy and
/// exits. A stream whose bytes have changed since this was made is compressed as before. Each
/// stream is compressed whole and alone by the same compressor as on the serial path, so the
/// PDF's bytes are the same at any thread count. With fewer than two threads or streams, or too
/// little to compress to repay a thread, it does nothing.
class Prepacked {
 public:
  /// Starts up to `threads` - 1 helpers on a copy of every stream to compress.
  Prepacked(HPDF_Doc pdf, unsigned threads);
  /// Stops handing out streams; remembers the font streams the helpers have compressed.
  ~Prepacked();
  Prepacked(const Prepacked&) = delete;
  Prepacked& operator=(const Prepacked&) = delete;

  /// The compressed form of stream `d` a helper has finished, if its bytes are still `raw`;
  /// null when the caller is to compress it (no helper has finished it, or the bytes differ).
  [[nodiscard]] const std::string* take(HPDF_Dict d, const std::string& raw);

 private:
  struct Job {
    HPDF_Dict dict;
    std::string raw, packed;
    bool remember;
  };
  enum : int { kFree, kClaimed, kDone, kMine };
  /// What the save and the helpers share; deleted by the last of them to finish.
  struct Shared {
    std::vector<Job> jobs;  ///< in the order libharu writes them
    std::mutex mutex;       ///< guards the rest
    std::vector<int> state;
    int helpers = 0;         ///< still running
    bool abandoned = false;  ///< the save is over
  };
  static void help(Shared* s);

  Shared* shared_ = nullptr;
  Prepacked* previous_ = nullptr;
};

}  // namespace briefing::pdf
