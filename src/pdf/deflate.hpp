// Stream compression with libdeflate instead of libharu's zlib calls: faster, and smaller output.
#pragma once

#include <hpdf.h>

#include <string>
#include <string_view>

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

}  // namespace briefing::pdf
