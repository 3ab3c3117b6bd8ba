#include "typeset/font.hpp"

#include <fcntl.h>
#include <hb-ot.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <stdexcept>

#include <fmt/format.h>

#include "typeset/shape.hpp"

namespace briefing::typeset {

namespace {
constexpr hb_tag_t tag(const char (&s)[5]) {
  return HB_TAG(s[0], s[1], s[2], s[3]);
}

/// A big-endian number of `n` bytes.
std::uint32_t be(const unsigned char* p, int n) {
  std::uint32_t v = 0;
  for (int i = 0; i < n; ++i) v = (v << 8) | p[i];
  return v;
}

/// Reads exactly `n` bytes at `offset`; false on a short read.
bool pread_all(int fd, void* buf, std::size_t n, std::uint64_t offset) {
  auto* out = static_cast<char*>(buf);
  while (n > 0) {
    const ssize_t got = ::pread(fd, out, n, static_cast<off_t>(offset));
    if (got < 0 && errno == EINTR) continue;
    if (got <= 0) return false;
    out += got, n -= static_cast<std::size_t>(got), offset += static_cast<std::uint64_t>(got);
  }
  return true;
}
}  // namespace

Font::Font() : shapes_(std::make_unique<ShapeCache>()) {
  static std::atomic<std::uint64_t> next{1};
  serial_ = next.fetch_add(1, std::memory_order_relaxed);
}

std::unique_ptr<Font> Font::load(const std::string& path, std::string& error, FontFiles files) {
  std::unique_ptr<Font> f(new Font());
  f->files_ = files;
  if (!f->open(path, error) || !f->check(error)) return nullptr;
  return f;
}

bool Font::open(const std::string& path, std::string& error) {
  path_ = path;
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0 || S_ISDIR(st.st_mode)) {
    error = S_ISDIR(st.st_mode) ? "is a directory" : std::strerror(errno);
    return false;
  }
  fd_ = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0 || ::fstat(fd_, &st) != 0) {
    error = std::strerror(errno);
    return false;
  }
  size_ = static_cast<std::uint64_t>(st.st_size);
  unsigned char head[12];
  if (size_ < sizeof head || !pread_all(fd_, head, sizeof head, 0)) {
    error = size_ < sizeof head ? "not a font file (too short)" : "read error";
    return false;
  }
  // A plain sfnt whose table directory lies inside the file gets lazy tables; anything else
  // (a collection, a truncated directory) is read whole and left to HarfBuzz.
  const std::uint32_t version = be(head, 4), count = be(head + 4, 2);
  const bool plain = version == 0x00010000 || version == tag("true") || version == tag("OTTO");
  std::vector<unsigned char> dir(16 * static_cast<std::size_t>(count));
  if (plain && 12 + dir.size() <= size_ && pread_all(fd_, dir.data(), dir.size(), 12)) {
    for (std::size_t i = 0; i < count; ++i)
      tables_.push_back({be(&dir[16 * i], 4), be(&dir[16 * i + 8], 4), be(&dir[16 * i + 12], 4)});
    face_ = hb_face_create_for_tables(reference_table, this, nullptr);
    return true;
  }
  hb_blob_t* all = read_blob(0, size_);
  face_ = hb_face_create(all, 0);
  hb_blob_destroy(all);
  file_face_ = face_;
  return true;
}

bool Font::check(std::string& error) {
  if (hb_face_get_glyph_count(face_) == 0) {
    error = "not a readable TrueType font";
    return false;
  }
  if (has_table(tag("CFF ")) || has_table(tag("CFF2"))) {
    error = "CFF (.otf) outlines cannot be embedded; use a TrueType (glyf) font";
    return false;
  }
  for (const auto* t : {"glyf", "loca", "cmap", "hmtx", "head", "hhea"}) {
    if (!has_table(HB_TAG(t[0], t[1], t[2], t[3]))) {
      error = fmt::format("not a usable TrueType font (no '{}' table)", t);
      return false;
    }
  }
  upem_ = hb_face_get_upem(face_);
  font_ = hb_font_create(face_);
  hb_font_set_scale(font_, static_cast<int>(upem_), static_cast<int>(upem_));
  hb_font_extents_t ext{};
  hb_font_get_h_extents(font_, &ext);
  ascender_ = static_cast<double>(ext.ascender) / upem_;
  descender_ = -static_cast<double>(ext.descender) / upem_;
  hb_position_t cap = 0;
  if (hb_ot_metrics_get_position(font_, HB_OT_METRICS_TAG_CAP_HEIGHT, &cap) && cap > 0)
    cap_height_ = static_cast<double>(cap) / upem_;
  return true;
}

Font::~Font() {
  for (auto& block : bmp_) std::free(block.load(std::memory_order_relaxed));
  if (font_) hb_font_destroy(font_);
  if (file_face_ && file_face_ != face_) hb_face_destroy(file_face_);
  if (face_) hb_face_destroy(face_);
  if (fd_ >= 0) ::close(fd_);
}

hb_blob_t* Font::read_blob(std::uint64_t offset, std::uint64_t length) const {
  if (length == 0 || offset + length > size_) return hb_blob_get_empty();
  char* buf = static_cast<char*>(std::malloc(length));
  if (!buf || !pread_all(fd_, buf, length, offset)) {
    std::free(buf);
    return hb_blob_get_empty();
  }
  return hb_blob_create(buf, static_cast<unsigned>(length), HB_MEMORY_MODE_WRITABLE, buf, std::free);
}

hb_blob_t* Font::read_table(hb_tag_t t) const {
  for (const Table& tb : tables_) {
    if (tb.tag != t) continue;
    const std::uint64_t start = std::min<std::uint64_t>(tb.offset, size_);
    return read_blob(start, std::min<std::uint64_t>(tb.length, size_ - start));
  }
  return hb_blob_get_empty();
}

bool Font::has_table(hb_tag_t t) const {
  if (face_ == file_face_) {
    hb_blob_t* b = hb_face_reference_table(face_, t);
    const bool ok = hb_blob_get_length(b) > 0;
    hb_blob_destroy(b);
    return ok;
  }
  for (const Table& tb : tables_)
    if (tb.tag == t) return tb.offset < size_ && tb.length > 0;
  return false;
}

namespace {
/// Pages mapped for a whole font file (the file itself, or an anonymous copy), released with the blob.
struct Pages {
  void* at;
  std::size_t size;
};
void release_pages(void* user) {
  auto* p = static_cast<Pages*>(user);
  ::munmap(p->at, p->size);
  delete p;
}
}  // namespace

hb_blob_t* Font::read_whole() const {
  struct stat st {};
  if (files_ == FontFiles::mapped && size_ > 0 && ::fstat(fd_, &st) == 0 &&
      static_cast<std::uint64_t>(st.st_size) == size_) {
    if (void* at = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd_, 0); at != MAP_FAILED)
      return hb_blob_create(static_cast<const char*>(at), static_cast<unsigned>(size_), HB_MEMORY_MODE_READONLY,
                            new Pages{at, size_}, release_pages);
  }
  // Pages populated in one call: read into fresh heap memory, a 400 KB font cost a page fault
  // per 4 KB (a fifth of a render's faults came from reading the four fonts for subsetting).
  // Still a private copy, so a font file rewritten while `watch` runs cannot touch it.
  void* at = size_ > 0
                 ? ::mmap(nullptr, size_, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0)
                 : MAP_FAILED;
  if (at == MAP_FAILED) return read_blob(0, size_);
  if (!pread_all(fd_, at, size_, 0)) {
    ::munmap(at, size_);
    return hb_blob_get_empty();
  }
  return hb_blob_create(static_cast<const char*>(at), static_cast<unsigned>(size_), HB_MEMORY_MODE_WRITABLE,
                        new Pages{at, size_}, release_pages);
}

hb_face_t* Font::file_face() const {
  std::call_once(file_once_, [this] {
    if (file_face_) return;
    hb_blob_t* all = read_whole();
    file_face_ = hb_face_create(all, 0);
    hb_blob_destroy(all);
  });
  return file_face_;
}

hb_blob_t* Font::reference_table(hb_face_t*, hb_tag_t t, void* self) {
  return static_cast<const Font*>(self)->read_table(t);
}

hb_codepoint_t Font::lookup(char32_t cp) const {
  hb_codepoint_t g = 0;
  if (!hb_font_get_nominal_glyph(font_, cp, &g)) return 0;
  return g;
}

hb_codepoint_t Font::glyph(char32_t cp) const {
  if (cp > 0xFFFF) return lookup(cp);
  std::atomic<std::uint32_t*>& at = bmp_[cp >> 8];
  std::uint32_t* block = at.load(std::memory_order_acquire);
  if (!block) {
    auto* fresh = static_cast<std::uint32_t*>(std::calloc(256, sizeof(std::uint32_t)));
    if (!fresh) return lookup(cp);
    if (at.compare_exchange_strong(block, fresh, std::memory_order_acq_rel)) {
      block = fresh;
    } else {
      std::free(fresh);  // another thread made it first: `block` is theirs
    }
  }
  constexpr std::uint32_t known = 0x80000000u;
  std::atomic_ref<std::uint32_t> slot(block[cp & 0xFF]);
  std::uint32_t v = slot.load(std::memory_order_relaxed);
  if (!(v & known)) {
    v = known | lookup(cp);
    slot.store(v, std::memory_order_relaxed);
  }
  return v & ~known;
}

char32_t Font::codepoint_of(hb_codepoint_t gid) const {
  std::call_once(reverse_once_, [this] {
    hb_set_t* set = hb_set_create();
    hb_face_collect_unicodes(face_, set);
    hb_codepoint_t cp = HB_SET_VALUE_INVALID;
    while (hb_set_next(set, &cp)) {
      const auto g = lookup(cp);
      if (g && !reverse_.count(g)) reverse_[g] = cp;
    }
    hb_set_destroy(set);
  });
  const auto it = reverse_.find(gid);
  return it == reverse_.end() ? 0 : it->second;
}

FontBook::FontBook(FontFiles files) : files_(files) {}
FontBook::~FontBook() = default;

FontId FontBook::load(const std::string& path, std::string& error) {
  std::lock_guard lock(mutex_);
  if (const auto it = by_path_.find(path); it != by_path_.end()) return it->second;
  if (count_ == kChunk * kChunks) {
    error = "too many fonts";
    return -1;
  }
  auto f = Font::load(path, error, files_);
  if (!f) return -1;
  auto& chunk = chunks_[count_ / kChunk];
  if (!chunk) chunk = std::make_unique<Chunk>();
  (*chunk)[count_ % kChunk] = std::move(f);
  const auto id = static_cast<FontId>(count_++);
  by_path_[path] = id;
  return id;
}

const Font& FontBook::get(FontId id) const {
  const auto i = static_cast<std::size_t>(id);
  const Chunk* chunk = id < 0 || i >= kChunk * kChunks ? nullptr : chunks_[i / kChunk].get();
  if (!chunk || !(*chunk)[i % kChunk]) throw std::out_of_range("no font with this id");
  return *(*chunk)[i % kChunk];
}

std::size_t FontBook::size() const {
  std::lock_guard lock(mutex_);
  return count_;
}

}  // namespace briefing::typeset
