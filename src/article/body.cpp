// The body: sections, paragraphs and headings, inline elements, quotations and facts.
#include "article/loader.hpp"

namespace briefing::article::detail {

void Loader::load_body(const pugi::xml_node& body) {
  check_attrs(body, {});
  int section = 0;
  std::vector<pugi::xml_node> empty_sections;
  for_each_element(body, "body", "; put it in a <p>", [&](const pugi::xml_node& c) {
    const std::string_view name = c.name();
    if (name == "p" || name == "heading") {
      error(pos(c), fmt::format("<{}> is not allowed directly in <body>; put it in a <section>", name));
      ++paragraph_elements_;
      return;
    }
    if (name != "section") return unknown_element(c, "body", {"section"});
    check_attrs(c, {});
    const int before = paragraph_elements_;
    load_section(c, section++);
    if (paragraph_elements_ == before) empty_sections.push_back(c);
  });
  if (paragraph_elements_ == 0) {
    error(pos(body), "the article has no paragraphs");
  } else {
    for (const auto& s : empty_sections) error(pos(s), "<section> has no paragraphs");
  }
  finish_quotes_and_facts();
}

void Loader::load_section(const pugi::xml_node& section, int index) {
  bool seen_any = false;
  for_each_element(section, "section", "; put it in a <p>", [&](const pugi::xml_node& c) {
    const std::string_view name = c.name();
    if (name == "heading") {
      if (seen_any) error(pos(c), "<heading> must come first in its <section>, and only once");
      load_block(c, Block::Kind::heading, index);
    } else if (name == "p") {
      ++paragraph_elements_;
      load_block(c, Block::Kind::paragraph, index);
    } else {
      unknown_element(c, "section", {"heading", "p"});
    }
    seen_any = true;
  });
}

/// Appends text to the current block, collapsing whitespace across element boundaries: a run of
/// whitespace becomes one space, kept with the run where it began, and dropped at the block's ends.
void Loader::emit(const Props& props, std::string_view text, const SourcePos& where) {
  Block& block = art_.blocks.back();
  // A space owed in this text takes this text's properties and position: they are copied (for
  // a later text) only if the text ends with the space still owed, not once per word.
  bool owed_here = false;
  for (std::size_t i = 0; i < text.size();) {
    if (is_ws(text[i])) {
      if (!at_block_start_ && !pending_space_) owed_here = true;
      ++i;
      continue;
    }
    std::size_t end = i + 1;  // a word: appended at once
    while (end < text.size() && !is_ws(text[end])) ++end;
    if (pending_space_) {
      append(block, pending_props_, " ", pending_pos_);
      pending_space_ = false;
    } else if (owed_here) {
      append(block, props, " ", where);
    }
    owed_here = false;
    append(block, props, text.substr(i, end - i), where);
    at_block_start_ = false;
    visible_chars_ += static_cast<long>(end - i);
    i = end;
  }
  if (owed_here) {
    pending_space_ = true;
    pending_props_ = props;
    pending_pos_ = where;
  }
}

void Loader::append(Block& block, const Props& props, std::string_view text, const SourcePos& where) {
  if (block.runs.empty() || !props.same_run(block.runs.back())) {
    Run r;
    r.italic = props.italic;
    r.bold = props.bold;
    r.no_hyphenate = props.no_hyphenate;
    r.kind = props.kind;
    r.ref = props.ref;
    r.quote = props.quote;
    r.fact = props.fact;
    r.pos = where;
    block.runs.push_back(std::move(r));
  }
  block.runs.back().text += text;
}

void Loader::mention(const std::string& id) {
  if (mentioned_.insert(id).second) art_.mention_order.push_back(id);
}

std::string Loader::undeclared(const std::string& id, const std::vector<std::string>& declared) const {
  const Candidates candidates(declared.begin(), declared.end());
  return suggestion(id, candidates, Named::value);
}

std::vector<std::string> Loader::person_ids() const {
  std::vector<std::string> out;
  for (const Person& p : art_.people) out.push_back(p.id);
  return out;
}

std::vector<std::string> Loader::org_ids() const {
  std::vector<std::string> out;
  for (const Organisation& o : art_.organisations) out.push_back(o.id);
  return out;
}

void Loader::load_block(const pugi::xml_node& node, Block::Kind kind, int section) {
  check_attrs(node, {});
  Block block;
  block.kind = kind;
  block.section = section;
  block.pos = pos(node);
  art_.blocks.push_back(std::move(block));
  const int block_index = static_cast<int>(art_.blocks.size()) - 1;
  at_block_start_ = true;
  pending_space_ = false;
  const long visible_before = visible_chars_;

  std::vector<Frame> stack;
  stack.push_back(Frame{node, node.first_child(), Props{}, 0, false, 0});
  while (!stack.empty()) {
    if (!stack.back().next) {
      const Frame& done = stack.back();
      if (done.check_empty && visible_chars_ == done.visible_at_open)
        error(pos(done.element), fmt::format("<{}> must not be empty", done.element.name()));
      stack.pop_back();
      continue;
    }
    const pugi::xml_node n = stack.back().next;
    stack.back().next = n.next_sibling();
    if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) {
      emit(stack.back().props, n.value(), at(text_offset(n)));
      continue;
    }
    if (n.type() != pugi::node_element) continue;
    const int depth = stack.back().depth + 1;
    if (depth > kMaxInlineDepth) {
      error(pos(n), fmt::format("inline elements are nested more than {} levels deep", kMaxInlineDepth));
      continue;
    }
    Frame f{n, n.first_child(), stack.back().props, depth, false, visible_chars_};
    open_inline(n, f, block_index);
    stack.push_back(std::move(f));
  }
  if (visible_chars_ == visible_before) error(pos(node), fmt::format("<{}> must not be empty", node.name()));
}

/// Applies an inline element's meaning to the properties its text inherits.
void Loader::open_inline(const pugi::xml_node& n, Frame& f, int block_index) {
  Props& p = f.props;
  const std::string_view name = n.name();
  if (name == "em") {
    check_attrs(n, {});
    p.italic = true;
  } else if (name == "strong") {
    check_attrs(n, {});
    p.bold = true;
  } else if (name == "person" || name == "org") {
    check_attrs(n, {"ref"});
    const bool is_person = name == "person";
    p.kind = is_person ? RunKind::person : RunKind::organisation;
    p.no_hyphenate = true;
    p.ref.clear();
    f.check_empty = true;
    if (auto ref = required_attr(n, "ref")) {
      p.ref = *ref;
      if (is_person) {
        if (art_.person(*ref)) {
          mention(*ref);
        } else {
          error(attr_pos(n, "ref"), fmt::format("<person ref=\"{}\"> refers to an undeclared person{}", *ref,
                                                undeclared(*ref, person_ids())));
        }
      } else if (!art_.organisation(*ref)) {
        error(attr_pos(n, "ref"), fmt::format("<org ref=\"{}\"> refers to an undeclared organisation{}", *ref,
                                              undeclared(*ref, org_ids())));
      }
    }
  } else if (name == "place") {
    check_attrs(n, {});
    p.kind = RunKind::place;
    p.ref.clear();
  } else if (name == "date") {
    check_attrs(n, {"when", "from", "to"});
    date_attrs(n, false);
    p.kind = RunKind::date;
    p.ref.clear();
  } else if (name == "url") {
    check_attrs(n, {"href"});
    if (const auto href = attr(n, "href"); href && href->empty())
      error(attr_pos(n, "href"), "attribute 'href' on <url> must not be empty");
    else if (href && !allowed_scheme(*href))
      error(attr_pos(n, "href"),
            fmt::format("link '{}' on <url> has a scheme other than http, https or mailto", *href));
    p.no_hyphenate = true;
    f.check_empty = true;
  } else if (name == "email") {
    check_attrs(n, {});
    p.no_hyphenate = true;
    f.check_empty = true;
  } else if (name == "quote") {
    if (p.in_quote) {
      error(pos(n), "<quote> cannot be nested inside another <quote>");
      return;
    }
    open_quote(n, f, block_index);
  } else if (name == "fact") {
    if (p.in_fact) {
      error(pos(n), "<fact> cannot be nested inside another <fact>");
      return;
    }
    check_attrs(n, {"short"});
    Fact fact;
    fact.block = block_index;
    fact.pos = pos(n);
    if (auto s = attr(n, "short")) {
      if (s->empty()) error(attr_pos(n, "short"), "attribute 'short' on <fact> must not be empty");
      fact.text = *s;
    }
    fact_has_short_.push_back(!fact.text.empty());
    art_.facts.push_back(std::move(fact));
    p.fact = static_cast<int>(art_.facts.size()) - 1;
    p.in_fact = true;
    p.kind = RunKind::fact;
    p.ref.clear();
    f.check_empty = true;
  } else {
    unknown_element(n, n.parent().name(), kInline);
  }
}

void Loader::open_quote(const pugi::xml_node& n, Frame& f, int block_index) {
  check_attrs(n, {"speaker", "callout", "id", "continues"});
  Props& p = f.props;
  bool callout = false;
  if (auto c = attr(n, "callout")) {
    if (*c == "yes") {
      callout = true;
    } else if (*c != "no") {
      error(attr_pos(n, "callout"),
            fmt::format("invalid value '{}' for 'callout' on <quote> (expected yes or no)", *c));
    }
  }
  const auto speaker = attr(n, "speaker");
  bool speaker_ok = false;
  if (speaker) {
    if (speaker->empty()) {
      error(attr_pos(n, "speaker"), "attribute 'speaker' on <quote> must not be empty");
    } else if (!art_.person(*speaker)) {
      error(attr_pos(n, "speaker"), fmt::format("<quote speaker=\"{}\"> refers to an undeclared person{}", *speaker,
                                                undeclared(*speaker, person_ids())));
    } else {
      speaker_ok = true;
      mention(*speaker);
    }
  }
  const auto id = declare_id(n, "id", false);

  int index = -1;
  bool continues_unknown = false;
  if (const auto cont = attr(n, "continues")) {
    const auto it = quote_ids_.find(*cont);
    if (it != quote_ids_.end()) {
      index = it->second;
      Quote& q = art_.quotes[static_cast<std::size_t>(index)];
      q.callout = q.callout || callout;
      if (speaker_ok && !q.speaker.empty() && q.speaker != *speaker)
        error(attr_pos(n, "speaker"),
              fmt::format("<quote speaker=\"{}\"> continues a quote by '{}'", *speaker, q.speaker));
    } else {
      std::vector<std::string> known;
      for (const auto& [qid, qi] : quote_ids_) known.push_back(qid);
      std::sort(known.begin(), known.end());
      error(attr_pos(n, "continues"),
            fmt::format("<quote continues=\"{}\"> refers to an unknown quote{}", *cont, undeclared(*cont, known)));
      continues_unknown = true;
    }
  }
  if (index < 0) {
    if (!speaker && !continues_unknown) error(pos(n), "<quote> has no speaker");
    Quote q;
    q.speaker = speaker_ok ? *speaker : "";
    q.id = id.value_or("");
    q.callout = callout;
    q.block = block_index;
    q.pos = pos(n);
    art_.quotes.push_back(std::move(q));
    index = static_cast<int>(art_.quotes.size()) - 1;
  }
  if (id) quote_ids_.emplace(*id, index);
  p.quote = index;
  p.in_quote = true;
  p.kind = RunKind::quote;
  p.ref.clear();
  f.check_empty = true;
}

/// Quote texts join their parts; fact texts are their tagged text unless a short form was given.
void Loader::finish_quotes_and_facts() {
  std::vector<std::vector<std::string>> quote_parts(art_.quotes.size());
  std::vector<std::string> fact_text(art_.facts.size());
  for (const Block& b : art_.blocks) {
    int last_quote = -1;
    for (const Run& r : b.runs) {
      if (r.quote >= 0) {
        auto& parts = quote_parts[static_cast<std::size_t>(r.quote)];
        if (r.quote != last_quote || parts.empty()) parts.emplace_back();
        parts.back() += r.text;
      }
      last_quote = r.quote;
      if (r.fact >= 0) fact_text[static_cast<std::size_t>(r.fact)] += r.text;
    }
  }
  for (std::size_t i = 0; i < art_.quotes.size(); ++i) {
    // Parts split by narration ("…delegation,” he noted. “Crime…") are joined with an
    // ellipsis; the comma that led into the narration goes, and so does a trailing one.
    std::string joined;
    for (const std::string& part : quote_parts[i]) {
      const std::string_view t = base::trim(part);
      if (t.empty()) continue;
      if (!joined.empty()) {
        if (joined.back() == ',') joined.pop_back();
        joined += " \u2026 ";
      }
      joined += t;
    }
    if (!joined.empty() && joined.back() == ',') joined.pop_back();
    art_.quotes[i].text = std::move(joined);
  }
  for (std::size_t i = 0; i < art_.facts.size(); ++i) {
    Fact& f = art_.facts[i];
    f.full_text = std::string(base::trim(fact_text[i]));
    if (!fact_has_short_[i]) f.text = f.full_text;
  }
}

}  // namespace briefing::article::detail
