// The document: the root, its metadata, people, organisations and listed facts.
#include "article/loader.hpp"

namespace briefing::article::detail {

bool Loader::load() {
  art_.path = path_;
  std::size_t start = 0;
  if (text_.substr(0, 3) == "\xEF\xBB\xBF") start = 3;
  const std::size_t bad = base::utf8_first_invalid(text_.substr(start));
  if (bad != std::string_view::npos) {
    const std::size_t off = start + bad;
    error(at(off), fmt::format("invalid utf-8 at byte {} (0x{:02x}); save the file as UTF-8", off,
                               static_cast<unsigned>(static_cast<unsigned char>(text_[off]))));
    return false;
  }
  for (std::size_t i = start; i < text_.size(); ++i) {
    const auto c = static_cast<unsigned char>(text_[i]);
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
      error(at(i), fmt::format("character {} is not allowed in xml", base::codepoint_label(c)));
  }
  if (!diags_.empty()) return false;

  pugi::xml_document doc;
  const unsigned options =
      pugi::parse_default | pugi::parse_doctype | pugi::parse_comments | pugi::parse_ws_pcdata | pugi::parse_fragment;
  const pugi::xml_parse_result res = doc.load_buffer(text_.data(), text_.size(), options, pugi::encoding_utf8);
  if (!res) {
    const auto off = static_cast<std::size_t>(std::max<std::ptrdiff_t>(res.offset, 0));
    if (res.status == pugi::status_bad_doctype)
      error(at(off), "doctype and entity declarations are not allowed");
    else
      error(at(off), "malformed xml: " + ascii_lower(res.description()));
    return false;
  }

  pugi::xml_node root;
  bool refused = false;
  for (const pugi::xml_node& n : doc.children()) {
    switch (n.type()) {
      case pugi::node_doctype: {
        const std::size_t off = elem_offset(n);
        const std::size_t lt = text_.rfind("<!", off);
        error(at(lt == std::string_view::npos ? off : lt), "doctype and entity declarations are not allowed");
        refused = true;
        break;
      }
      case pugi::node_pcdata:
      case pugi::node_cdata:
        if (!is_blank(n.value())) {
          error(at(text_offset(n)), "malformed xml: text is not allowed outside the root element");
          refused = true;
        }
        break;
      case pugi::node_element:
        if (!root) {
          root = n;
        } else {
          error(pos(n), fmt::format("malformed xml: only one root element is allowed; found a second <{}>", n.name()));
          refused = true;
        }
        break;
      case pugi::node_comment: check_comment(n); break;
      default: break;
    }
  }
  if (refused) return false;
  if (!root) {
    error(at(text_.size()), "malformed xml: no document element found");
    return false;
  }
  if (std::string_view(root.name()) != "article") {
    error(pos(root), fmt::format("expected root element <article>, found <{}>", root.name()));
    return false;
  }
  scan_references(root);
  load_article(root);
  return true;
}

void Loader::load_article(const pugi::xml_node& root) {
  check_attrs(root, {"id", "xml:lang"});
  if (auto id = required_attr(root, "id")) {
    if (valid_id(*id))
      art_.meta.id = *id;
    else
      error(attr_pos(root, "id"),
            fmt::format("invalid article id '{}' (it names the output files: start with a letter and use only "
                        "letters, digits, '-', '_' and '.')",
                        *id));
  }
  art_.meta.lang = "en-GB";
  if (auto lang = attr(root, "xml:lang")) {
    if (valid_lang(*lang))
      art_.meta.lang = *lang;
    else
      error(attr_pos(root, "xml:lang"), fmt::format("invalid language tag '{}' (expected e.g. en-GB)", *lang));
  }

  const auto parts = for_each_part(root, "article", kArticleChildren, [](const pugi::xml_node&, const std::string&) {});
  auto part = [&](const char* name) {
    const auto it = parts.find(name);
    return it == parts.end() ? pugi::xml_node() : it->second;
  };
  if (const auto meta = part("meta"))
    load_meta(meta);
  else
    error(pos(root), "<article> is missing required element <meta>");
  // Declarations first, whatever their order in the file, so that the body can refer to them.
  if (const auto people = part("people")) load_people(people);
  if (const auto orgs = part("organisations")) load_organisations(orgs);
  if (const auto body = part("body"))
    load_body(body);
  else
    error(pos(root), "<article> is missing required element <body>");
  if (const auto facts = part("facts")) load_listed_facts(facts);

  for (const Person& p : art_.people)
    if (mentioned_.insert(p.id).second) art_.mention_order.push_back(p.id);
}

void Loader::load_meta(const pugi::xml_node& meta) {
  check_attrs(meta, {});
  const auto seen = for_each_part(meta, "meta", kMetaChildren, [&](const pugi::xml_node& c, const std::string& name) {
    Meta& m = art_.meta;
    if (name == "date") {
      check_attrs(c, {"when", "from", "to"});
      if (!text_only(c).empty()) error(pos(c), "<date> in <meta> takes no text; give the dates in its attributes");
      if (auto d = date_attrs(c, true)) m.date = *d;
      return;
    }
    check_attrs(c, {});
    std::string value = text_only(c);
    if (name == "title") {
      if (value.empty()) error(pos(c), "<title> must not be empty");
      m.title = std::move(value);
    } else if (name == "standfirst") {
      m.standfirst = std::move(value);
    } else if (name == "place") {
      m.place = std::move(value);
    } else if (name == "source") {
      m.source = std::move(value);
    } else if (name == "byline") {
      m.byline = std::move(value);
    } else if (name == "marking") {
      load_marking(c, value);
    } else if (name == "keywords") {
      std::size_t from = 0;
      while (from <= value.size()) {
        std::size_t comma = value.find(',', from);
        if (comma == std::string::npos) comma = value.size();
        std::string word = normalise(std::string_view(value).substr(from, comma - from));
        if (!word.empty()) m.keywords.push_back(std::move(word));
        from = comma + 1;
      }
    }
  });
  if (!seen.count("title")) error(pos(meta), "<meta> is missing required element <title>");
  if (!seen.count("date")) error(pos(meta), "<meta> is missing required element <date>");
}

void Loader::load_marking(const pugi::xml_node& n, const std::string& value) {
  if (value.empty()) {
    error(pos(n), "<marking> must not be empty");
    return;
  }
  if (std::find(kMarkings.begin(), kMarkings.end(), value) != kMarkings.end()) {
    art_.meta.marking = value;
    return;
  }
  const std::string best = base::did_you_mean(ascii_upper(value), kMarkings);
  if (!best.empty())
    error(pos(n), fmt::format("unknown marking '{}'; did you mean '{}'?", value, best));
  else
    error(pos(n),
          fmt::format("unknown marking '{}' (allowed: OFFICIAL, OFFICIAL-SENSITIVE, SECRET, TOP SECRET)", value));
}

void Loader::load_people(const pugi::xml_node& people) {
  for_each_item(people, "people", "person", [&](const pugi::xml_node& c) {
    check_attrs(c, {"id", "role", "affiliation", "sort"});
    Person p;
    p.pos = pos(c);
    const auto id = declare_id(c, "id", true);
    const auto role = required_attr(c, "role");
    p.name = text_only(c);
    if (p.name.empty()) error(pos(c), "<person> must not be empty (write the name as it should be printed)");
    p.affiliation = attr(c, "affiliation").value_or("");
    p.sort_key = attr(c, "sort").value_or("");
    if (p.sort_key.empty()) p.sort_key = last_word(p.name);
    if (!id || !role) return;
    p.id = *id;
    p.role = *role;
    art_.people.push_back(std::move(p));
  });
}

void Loader::load_organisations(const pugi::xml_node& orgs) {
  for_each_item(orgs, "organisations", "org", [&](const pugi::xml_node& c) {
    check_attrs(c, {"id", "short"});
    Organisation o;
    o.pos = pos(c);
    const auto id = declare_id(c, "id", true);
    o.name = text_only(c);
    if (o.name.empty()) error(pos(c), "<org> must not be empty (write the name as it should be printed)");
    o.short_name = attr(c, "short").value_or("");
    if (!id) return;
    o.id = *id;
    art_.organisations.push_back(std::move(o));
  });
}

void Loader::load_listed_facts(const pugi::xml_node& facts) {
  for_each_item(facts, "facts", "fact", [&](const pugi::xml_node& c) {
    check_attrs(c, {});
    Fact f;
    f.pos = pos(c);
    f.text = text_only(c);
    if (f.text.empty()) {
      error(pos(c), "<fact> must not be empty");
      return;
    }
    art_.facts.push_back(std::move(f));
  });
}

}  // namespace briefing::article::detail
