#include "typeset/patterns.hpp"

#include <array>
#include <cstdint>
#include <cstdlib>
#include <cstring>

namespace briefing::typeset {

namespace {

/// The byte of a string as the unsigned number libhyphen compares.
unsigned byte_of(char c) {
  return static_cast<unsigned char>(c);
}

/// A trie under construction: each node's parent and byte, and an open-addressing hash from
/// (parent, byte) to child that doubles as it fills, so that building needs no allocation per
/// node. An entry packs the key (parent and byte) above the child.
class Trie {
 public:
  Trie() : table_(1024, kEmpty) { parent.push_back(-1), byte.push_back(0); }

  /// The child of `node` by `ch`, or -1.
  [[nodiscard]] int child(int node, char ch) const {
    const std::uint32_t key = key_of(node, ch);
    for (std::size_t i = slot(key);; i = (i + 1) & (table_.size() - 1)) {
      if (table_[i] == kEmpty) return -1;
      if (static_cast<std::uint32_t>(table_[i] >> 32) == key) return static_cast<int>(table_[i] & 0xFFFFFFFFu);
    }
  }

  /// The node spelling `word`, created with its missing prefixes.
  int insert(std::string_view word) {
    int node = 0;
    for (char ch : word) {
      const int next = child(node, ch);
      node = next >= 0 ? next : add(node, ch);
    }
    return node;
  }

  [[nodiscard]] std::size_t size() const { return parent.size(); }

  std::vector<int> parent;
  std::vector<char> byte;

 private:
  static constexpr std::uint64_t kEmpty = ~std::uint64_t{0};

  static std::uint32_t key_of(int node, char ch) { return (static_cast<std::uint32_t>(node) << 8) | byte_of(ch); }
  [[nodiscard]] std::size_t slot(std::uint32_t key) const {
    return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> 40) & (table_.size() - 1);
  }

  void put(std::uint32_t key, int value) {
    std::size_t i = slot(key);
    while (table_[i] != kEmpty) i = (i + 1) & (table_.size() - 1);
    table_[i] = (static_cast<std::uint64_t>(key) << 32) | static_cast<std::uint32_t>(value);
  }

  int add(int node, char ch) {
    const int id = static_cast<int>(parent.size());
    parent.push_back(node), byte.push_back(ch);
    if (2 * parent.size() > table_.size()) grow();
    put(key_of(node, ch), id);
    return id;
  }

  /// Doubles the table; every node but the root (and the one being added) has an entry.
  void grow() {
    table_.assign(2 * table_.size(), kEmpty);
    for (std::size_t s = 1; s + 1 < parent.size(); ++s) put(key_of(parent[s], byte[s]), static_cast<int>(s));
  }

  std::vector<std::uint64_t> table_;
};

/// The state reached from `s` by `ch` in a finished level, or -1: a direct table for the root,
/// whose transitions are many, and a scan of the few of any other state.
int step(const PatternLevel& lv, const std::array<int, 256>& root, int s, char ch) {
  if (s == 0) return root[byte_of(ch)];
  const HyphenState& st = lv.states[static_cast<std::size_t>(s)];
  for (int t = 0; t < st.num_trans; ++t)
    if (st.trans[t].ch == ch) return st.trans[t].new_state;
  return -1;
}

/// Builds one level line by line, reading each line as hnj_hyphen_load_line does.
class LevelBuilder {
 public:
  /// Takes one line (without its newline); false for what is left to libhyphen.
  bool line(std::string_view line) {
    if (line.starts_with("LEFTHYPHENMIN")) return lhmin_ = number(line, 13), true;
    if (line.starts_with("RIGHTHYPHENMIN")) return rhmin_ = number(line, 14), true;
    if (line.starts_with("COMPOUNDLEFTHYPHENMIN")) return clhmin_ = number(line, 21), true;
    if (line.starts_with("COMPOUNDRIGHTHYPHENMIN")) return crhmin_ = number(line, 22), true;
    if (line.starts_with("NOHYPHEN") || line.find('/') != std::string_view::npos) return false;
    pattern(line);
    return true;
  }

  /// Moves the automaton into `lv`, with fallbacks, and sets the level's settings.
  void finish(PatternLevel& lv);

 private:
  static char number(std::string_view line, std::size_t skip) {
    return static_cast<char>(std::atoi(std::string(line.substr(skip)).c_str()));
  }

  /// A pattern: its letters name a state (created with its prefixes), its digits are the match.
  void pattern(std::string_view line) {
    char word[MAX_CHARS], digits[MAX_CHARS];
    std::size_t j = 0;
    digits[0] = '0';
    for (std::size_t i = 0; i < line.size() && byte_of(line[i]) > ' ' && j < MAX_CHARS - 2; ++i) {
      if (line[i] >= '0' && line[i] <= '9') {
        digits[j] = line[i];
      } else {
        word[j] = line[i];
        digits[++j] = '0';
      }
    }
    std::size_t zeros = 0;
    while (zeros <= j && digits[zeros] == '0') ++zeros;
    const auto s = static_cast<std::size_t>(trie_.insert({word, j}));
    match_at_.resize(trie_.size(), -1), replcut_.resize(trie_.size(), 0);
    match_at_[s] = static_cast<int>(matches_.size());
    replcut_[s] = static_cast<signed char>(j);
    matches_.append(digits + std::min(zeros, j + 1), digits + j + 1).push_back('\0');
  }

  Trie trie_;
  std::vector<int> match_at_ = {-1};
  std::vector<signed char> replcut_ = {0};
  std::string matches_;
  char lhmin_ = 0, rhmin_ = 0, clhmin_ = 0, crhmin_ = 0;
};

void LevelBuilder::finish(PatternLevel& lv) {
  const std::size_t n = trie_.size();
  match_at_.resize(n, -1), replcut_.resize(n, 0);
  // Transitions grouped by state: count, then place.
  std::vector<int> first(n + 1, 0);
  for (std::size_t s = 1; s < n; ++s) ++first[static_cast<std::size_t>(trie_.parent[s]) + 1];
  for (std::size_t s = 0; s < n; ++s) first[s + 1] += first[s];
  lv.trans.resize(n - 1);
  std::vector<int> fill(first.begin(), first.end() - 1);
  for (std::size_t s = 1; s < n; ++s)
    lv.trans[static_cast<std::size_t>(fill[static_cast<std::size_t>(trie_.parent[s])]++)] = {trie_.byte[s],
                                                                                             static_cast<int>(s)};
  lv.matches = std::move(matches_);
  lv.states.assign(n, HyphenState{nullptr, nullptr, 0, 0, -1, 0, nullptr});
  for (std::size_t s = 0; s < n; ++s) {
    HyphenState& st = lv.states[s];
    st.num_trans = first[s + 1] - first[s];
    st.trans = st.num_trans ? &lv.trans[static_cast<std::size_t>(first[s])] : nullptr;
    if (match_at_[s] >= 0) st.match = &lv.matches[static_cast<std::size_t>(match_at_[s])];
    st.replcut = replcut_[s];
  }
  // Fallbacks in breadth-first order, as Aho–Corasick failure links: the longest proper suffix
  // of a state's string that is also a state.
  std::array<int, 256> root;
  root.fill(-1);
  for (int t = 0; t < lv.states[0].num_trans; ++t)
    root[byte_of(lv.states[0].trans[t].ch)] = lv.states[0].trans[t].new_state;
  std::vector<int> queue = {0};
  queue.reserve(n);
  for (std::size_t q = 0; q < queue.size(); ++q) {
    const HyphenState& st = lv.states[static_cast<std::size_t>(queue[q])];
    for (int t = 0; t < st.num_trans; ++t) {
      const char ch = st.trans[t].ch;
      int f = st.fallback_state, to = -1;
      while (f >= 0 && (to = step(lv, root, f, ch)) < 0) f = lv.states[static_cast<std::size_t>(f)].fallback_state;
      lv.states[static_cast<std::size_t>(st.trans[t].new_state)].fallback_state = f < 0 ? 0 : to;
      queue.push_back(st.trans[t].new_state);
    }
  }
  lv.dict.lhmin = lhmin_, lv.dict.rhmin = rhmin_, lv.dict.clhmin = clhmin_, lv.dict.crhmin = crhmin_;
  lv.dict.num_states = static_cast<int>(n);
  lv.dict.states = lv.states.data();
}

}  // namespace

std::unique_ptr<PatternDict> PatternDict::parse(std::string_view text) {
  if (text.find('\0') != std::string_view::npos) return nullptr;
  std::vector<std::string_view> lines;
  for (std::size_t at = 0; at < text.size();) {
    const std::size_t end = std::min(text.find('\n', at), text.size());
    lines.push_back(text.substr(at, end - at));
    at = end + 1;
  }
  // libhyphen reads the character set with fgets into 20 bytes and the lines into 100.
  if (!lines.empty() && lines.front().size() >= MAX_NAME - 1) return nullptr;
  const std::string cset = lines.empty() ? "" : std::string(lines.front().substr(0, lines.front().find('\r')));
  LevelBuilder file;
  for (std::size_t i = 1; i < lines.size(); ++i) {
    const std::string_view line = lines[i];
    if (line.size() >= MAX_CHARS - 1 || line.starts_with("NEXTLEVEL")) return nullptr;
    if (!line.starts_with("%") && !file.line(line)) return nullptr;
  }
  std::unique_ptr<PatternDict> d(new PatternDict());
  const bool utf8 = cset == "UTF-8";
  file.finish(d->patterns_);
  // The default first level hnj_hyphen_load adds when the file has no NEXTLEVEL.
  LevelBuilder top;
  for (const char* p : {"1-1", "1'1",
                        "1\xe2\x80\x93"
                        "1",
                        "1\xe2\x80\x99"
                        "1"})
    if (utf8 || std::strlen(p) == 3) top.line(p);
  top.finish(d->top_);
  // "NOHYPHEN ',–,’,-" as libhyphen keeps it: the items separated (and ended) by NUL bytes.
  static constexpr char kUtf8[] = "'\0\xe2\x80\x93\0\xe2\x80\x99\0-", kLatin[] = "'\0-";
  d->nohyphen_ = utf8 ? std::string(kUtf8, sizeof kUtf8) : std::string(kLatin, sizeof kLatin);
  for (PatternLevel* lv : {&d->patterns_, &d->top_}) {
    std::strncpy(lv->dict.cset, cset.c_str(), MAX_NAME - 1);
    lv->dict.utf8 = utf8;
  }
  HyphenDict& t = d->top_.dict;
  const HyphenDict& p = d->patterns_.dict;
  t.nohyphen = d->nohyphen_.data();
  t.nohyphenl = utf8 ? 3 : 1;
  t.nextlevel = &d->patterns_.dict;
  t.lhmin = p.lhmin, t.rhmin = p.rhmin;
  t.clhmin = p.clhmin ? p.clhmin : (p.lhmin ? p.lhmin : 3);
  t.crhmin = p.crhmin ? p.crhmin : (p.rhmin ? p.rhmin : 3);
  return d;
}

}  // namespace briefing::typeset
