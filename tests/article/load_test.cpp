// Tests of the article loader: the seed article, then one test per diagnostic.
#include <catch2/catch.hpp>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "article/load.hpp"
#include "base/fileio.hpp"

#ifndef BRIEFING_SOURCE_DIR
#error "BRIEFING_SOURCE_DIR must name the repository root"
#endif

using namespace briefing;

namespace {

const std::string kSeedPath = std::string(BRIEFING_SOURCE_DIR) + "/source/article.xml";

/// The seed text, one block a line (from interpol-glasgow-article.txt, without "Leave a Reply").
const std::vector<std::string> kSeedLines = {
    "At the upcoming Interpol General Meeting in Glasgow, Prime Minister Sir Keir Starmer will classify people "
    "smuggling as a national security issue, amid rising numbers of illegal Channel crossings.",
    "In his address to the upcoming Interpol General Assembly, he plans to establish a specialized investigative "
    "unit equipped with counter-terrorism powers aimed at dismantling smuggling networks responsible for the "
    "increase in small boat crossings .",
    "This new approach marks a significant shift in government policy, as authorities seek to curb the activities "
    "of organized crime gangs facilitating illegal immigration into Britain.",
    "As well as announcing the new Organized Immigration Crime Intelligence Unit, Sir Keir is planning a week of "
    "diplomatic meetings, including meetings with European leaders at a summit in Hungary. Stressing the need for "
    "international cooperation, he stated: \u201cOrganized immigration crime does not stop at our borders and cannot "
    "be defeated by one country operating in isolation. Britain is rebuilding its alliances around the world to "
    "dismantle these gangs that exploit human suffering.\u201d",
    "The new measures include enhanced powers for investigators, including closing bank accounts, cutting off "
    "internet access and preventively seizing evidence linked to human trafficking.",
    "92nd General Assembly",
    "The 92nd Session of the INTERPOL General Assembly, to be held in Glasgow from 4 to 7 November 2024, will "
    "bring together representatives from 195 Member States to discuss crucial global policing issues and make "
    "decisions. This annual event is INTERPOL\u2019s highest decision-making body and provides a forum for key "
    "decisions on policy, international cooperation initiatives and the allocation of resources to combat "
    "cross-border crime.",
    "A key focus at this year\u2019s meeting will be the election of a new Secretary General, with Brazil\u2019s "
    "Valdecy Urquiza nominated to succeed J\u00fcrgen Stock, who is completing his ten-year term. In addition to the "
    "appointment of Secretary General, the Assembly will also elect nine members to the Executive Committee, while "
    "panels and discussions will cover topics such as biometric advancements, the role of AI in future policing, "
    "multilateral security strategies and leadership development in law enforcement.",
    "Safety measures for the event include strict drone restrictions over the Scottish Events Campus, where the "
    "meeting is being held. These restrictions are designed to ensure the safety and security of delegates and "
    "attendees, with Police Scotland co-ordinating security efforts in collaboration with other agencies.",
    "British officials have stressed the importance of hosting the event in Glasgow. Former Security Minister Tom "
    "Tugendhat noted earlier this year: \u201cGlobal challenges require global solutions. Hosting the Interpol "
    "General Assembly in Glasgow underlines Britain\u2019s role as a world leader in security and policing, and "
    "demonstrates our steadfast commitment to tackling global threats such as organized crime, terrorism and "
    "fraud.\u201d",
    "Scottish Cabinet Secretary for Justice and Home Affairs Angela Constance echoed these sentiments, highlighting "
    "Glasgow\u2019s reputation as a host to international events. \u201cThe Scottish Government will continue to "
    "work closely with partners in the UK Government, law enforcement agencies, local government and Police "
    "Scotland\u2026 as we welcome delegates from around the world to Glasgow,\u201d Constance stated.",
    "Graeme Biggar, Director General of the National Crime Agency, expressed his pride in Britain\u2019s role as "
    "host country and the involvement of the National Crime Agency. \u201cWe are extremely proud to be the host law "
    "enforcement agency for the 2024 General Assembly and to lead the UK delegation,\u201d he noted. \u201cCrime "
    "knows no borders, so now more than ever Britain must work with its partners around the world to ensure "
    "criminals have nowhere to hide so we can protect our citizens.\u201d",
};

std::string without_nbsp(std::string s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0') {
      out += ' ';
      ++i;
    } else {
      out += s[i];
    }
  }
  return out;
}

std::vector<std::string> messages(const base::DiagSink& sink) {
  std::vector<std::string> out;
  for (const auto& d : sink.items()) out.push_back(base::format(d));
  return out;
}

/// Loads XML held in memory as "t.xml" and returns the formatted diagnostics.
std::vector<std::string> diagnose(const std::string& xml, std::optional<article::Article>* result = nullptr) {
  base::DiagSink sink;
  auto a = article::load_from_string(xml, "t.xml", sink);
  CHECK(a.has_value() == !sink.has_errors());
  if (result) *result = std::move(a);
  return messages(sink);
}

/// A small article, one part a line: line 2 is <meta>, 3 <people>, 4 <organisations>, 5 opens the
/// body and its section, 6 holds `body`.
struct Doc {
  std::string root = R"(<article id="t" xml:lang="en-GB">)";
  std::string meta = R"(<meta><title>T</title><date when="2024-11-04"/></meta>)";
  std::string people = R"(<people><person id="starmer" role="Prime Minister">Keir Starmer</person></people>)";
  std::string orgs = R"(<organisations><org id="nca" short="NCA">National Crime Agency</org></organisations>)";
  std::string body = "<p>Text.</p>";

  [[nodiscard]] std::string str() const {
    return root + "\n" + meta + "\n" + people + "\n" + orgs + "\n<body><section>\n" + body +
           "\n</section></body></article>\n";
  }
};

std::vector<std::string> diagnose_body(const std::string& body, std::optional<article::Article>* result = nullptr) {
  Doc d;
  d.body = body;
  return diagnose(d.str(), result);
}

using Msgs = std::vector<std::string>;

}  // namespace

// ---- the seed article -------------------------------------------------------------------------

TEST_CASE("the seed article loads without diagnostics", "[article][seed]") {
  base::DiagSink sink;
  const auto art = article::load_file(kSeedPath, sink);
  REQUIRE(messages(sink) == Msgs{});
  REQUIRE(art.has_value());
  const article::Article& a = *art;

  SECTION("metadata") {
    CHECK(a.path == kSeedPath);
    CHECK(a.meta.id == "interpol-glasgow-2024");
    CHECK(a.meta.lang == "en-GB");
    CHECK(a.meta.marking == "OFFICIAL");
    CHECK(a.meta.title == "The UK at the INTERPOL General Assembly");
    CHECK_FALSE(a.meta.standfirst.empty());
    CHECK(a.meta.date.from == "2024-11-04");
    CHECK(a.meta.date.to == "2024-11-07");
    CHECK(a.meta.place == "Glasgow, Scotland");
    CHECK_FALSE(a.meta.source.empty());
    CHECK(std::find(a.meta.keywords.begin(), a.meta.keywords.end(), "INTERPOL") != a.meta.keywords.end());
    for (const auto& k : a.meta.keywords) {
      REQUIRE_FALSE(k.empty());
      CHECK(k.front() != ' ');
      CHECK(k.back() != ' ');
    }
  }

  SECTION("people with their roles") {
    CHECK(a.people.size() >= 6);
    struct Expect {
      const char* id;
      const char* name;
      const char* role;
      const char* affiliation;
      const char* sort;
    };
    const Expect expected[] = {
        {"starmer", "Sir\u00a0Keir Starmer", "Prime Minister", "UK Government", "Starmer"},
        {"urquiza", "Valdecy Urquiza", "Nominated to succeed J\u00fcrgen Stock as Secretary General", "Brazil",
         "Urquiza"},
        {"stock", "J\u00fcrgen Stock", "Secretary General, completing his ten-year term", "INTERPOL", "Stock"},
        {"tugendhat", "Tom Tugendhat", "Former Security Minister", "", "Tugendhat"},
        {"constance", "Angela Constance", "Cabinet Secretary for Justice and Home Affairs", "Scottish Government",
         "Constance"},
        {"biggar", "Graeme Biggar", "Director General", "National Crime Agency", "Biggar"},
    };
    for (const Expect& e : expected) {
      INFO(e.id);
      const article::Person* p = a.person(e.id);
      REQUIRE(p != nullptr);
      CHECK(p->name == e.name);
      CHECK(p->role == e.role);
      CHECK(p->affiliation == e.affiliation);
      CHECK(p->sort_key == e.sort);
      CHECK(p->pos.line > 0);
      CHECK(p->pos.file == kSeedPath);
    }
    CHECK(a.person("nobody") == nullptr);
    CHECK(a.mention_order ==
          std::vector<std::string>{"starmer", "urquiza", "stock", "tugendhat", "constance", "biggar"});
  }

  SECTION("organisations") {
    CHECK(a.organisations.size() >= 5);
    for (const char* id : {"interpol", "nca", "police-scotland", "scot-gov", "oiciu"}) {
      INFO(id);
      CHECK(a.organisation(id) != nullptr);
    }
    CHECK(a.organisation("nca")->name == "National Crime Agency");
    CHECK(a.organisation("nca")->short_name == "NCA");
    CHECK(a.organisation("oiciu")->name == "Organized Immigration Crime Intelligence Unit");
    CHECK(a.organisation("interpol")->name == "INTERPOL");
    CHECK(a.organisation("police-scotland")->name == "Police Scotland");
    CHECK(a.organisation("scot-gov")->name == "Scottish Government");
    CHECK(a.organisation("starmer") == nullptr);
  }

  SECTION("blocks: five paragraphs, the heading, six paragraphs") {
    REQUIRE(a.blocks.size() == 12);
    const auto paragraphs = std::count_if(a.blocks.begin(), a.blocks.end(), [](const article::Block& b) {
      return b.kind == article::Block::Kind::paragraph;
    });
    CHECK(paragraphs == 11);
    CHECK(a.blocks[5].kind == article::Block::Kind::heading);
    CHECK(article::plain_text(a.blocks[5].runs) == "92nd General Assembly");
    for (std::size_t i = 0; i < a.blocks.size(); ++i) CHECK(a.blocks[i].section == (i < 5 ? 0 : 1));
  }

  SECTION("the text of every block is the seed text") {
    REQUIRE(a.blocks.size() == kSeedLines.size());
    for (std::size_t i = 0; i < a.blocks.size(); ++i) {
      INFO("block " << i);
      CHECK(without_nbsp(article::plain_text(a.blocks[i].runs)) == kSeedLines[i]);
    }
    // The seed file itself, when this machine has it.
    std::string error;
    if (const auto seed = base::read_file("/work/shared/seed/interpol-glasgow-article.txt", error)) {
      std::vector<std::string> lines;
      std::size_t from = 0;
      while (from < seed->size()) {
        std::size_t nl = seed->find('\n', from);
        if (nl == std::string::npos) nl = seed->size();
        lines.push_back(seed->substr(from, nl - from));
        from = nl + 1;
      }
      REQUIRE(lines.size() >= kSeedLines.size());
      for (std::size_t i = 0; i < kSeedLines.size(); ++i) CHECK(lines[i] == kSeedLines[i]);
    }
  }

  SECTION("runs") {
    const auto& runs = a.blocks[0].runs;
    const auto starmer = std::find_if(runs.begin(), runs.end(), [](const article::Run& r) {
      return r.kind == article::RunKind::person;
    });
    REQUIRE(starmer != runs.end());
    CHECK(starmer->ref == "starmer");
    CHECK(starmer->text == "Sir\u00a0Keir Starmer");
    CHECK(starmer->no_hyphenate);
    for (const auto& b : a.blocks) {
      REQUIRE_FALSE(b.runs.empty());
      CHECK(b.runs.front().text.front() != ' ');
      CHECK(b.runs.back().text.back() != ' ');
      for (const auto& r : b.runs) {
        CHECK_FALSE(r.text.empty());
        CHECK(r.text.find("  ") == std::string::npos);
        CHECK(r.text.find('\n') == std::string::npos);
        if (r.kind == article::RunKind::organisation) CHECK(r.no_hyphenate);
      }
    }
  }

  SECTION("quotes") {
    REQUIRE(a.quotes.size() == 4);
    CHECK(a.quotes[0].speaker == "starmer");
    CHECK(a.quotes[1].speaker == "tugendhat");
    CHECK(a.quotes[2].speaker == "constance");
    CHECK(a.quotes[3].speaker == "biggar");
    CHECK(a.quotes[0].callout);
    CHECK_FALSE(a.quotes[1].callout);
    CHECK_FALSE(a.quotes[2].callout);
    CHECK(a.quotes[3].callout);
    CHECK(a.quotes[0].block == 3);
    CHECK(a.quotes[3].block == 11);
    CHECK(a.quotes[0].text.rfind("Organized immigration crime does not stop", 0) == 0);
    CHECK(a.quotes[0].text.back() == '.');
    CHECK(a.quotes[2].text.back() == 'w');  // "… to Glasgow", its trailing comma dropped
    CHECK(a.quotes[3].text ==
          "We are extremely proud to be the host law enforcement agency for the 2024 General Assembly and to lead "
          "the UK delegation \u2026 Crime knows no borders, so now more than ever Britain must work with its partners "
          "around the world to ensure criminals have nowhere to hide so we can protect our citizens.");
    // Both parts of Biggar's quotation carry its index; the narration between them does not.
    int parts = 0;
    int last = -1;
    for (const auto& r : a.blocks[11].runs) {
      if (r.quote == 3 && last != 3) ++parts;
      last = r.quote;
    }
    CHECK(parts == 2);
  }

  SECTION("facts") {
    CHECK(a.facts.size() >= 6);
    const auto tagged =
        std::count_if(a.facts.begin(), a.facts.end(), [](const article::Fact& f) { return f.block >= 0; });
    CHECK(tagged >= 6);
    int last_block = 0;
    bool listed = false;
    for (const auto& f : a.facts) {
      CHECK_FALSE(f.text.empty());
      if (f.block < 0) {
        listed = true;
        CHECK(f.full_text.empty());
      } else {
        CHECK_FALSE(listed);  // tagged facts come first, in text order
        CHECK(f.block >= last_block);
        last_block = f.block;
        CHECK(without_nbsp(article::plain_text(a.blocks[static_cast<std::size_t>(f.block)].runs)).find(
                  without_nbsp(f.full_text)) != std::string::npos);
      }
    }
    const auto assembly = std::find_if(a.facts.begin(), a.facts.end(), [](const article::Fact& f) {
      return f.full_text.rfind("92nd Session", 0) == 0;
    });
    REQUIRE(assembly != a.facts.end());
    CHECK(assembly->block == 6);
    CHECK(without_nbsp(assembly->full_text) ==
          "92nd Session of the INTERPOL General Assembly, to be held in Glasgow from 4 to 7 November 2024");
    CHECK(assembly->text == "92nd INTERPOL General Assembly: Glasgow, 4\u20137 November 2024");
  }
}

// ---- text and structure ------------------------------------------------------------------------

TEST_CASE("whitespace is collapsed and kept exactly once at element boundaries", "[article]") {
  std::optional<article::Article> a;
  REQUIRE(diagnose_body("<p>\n  one <em>two </em> three<strong>four</strong>\n <em>five</em>\tsix  </p>", &a) ==
          Msgs{});
  const auto& runs = a->blocks.at(0).runs;
  CHECK(article::plain_text(runs) == "one two threefour five six");
  // A space between elements stays in the text run where the whitespace begins.
  REQUIRE(runs.size() == 7);
  CHECK(runs[0].text == "one ");
  CHECK(runs[1].text == "two ");
  CHECK(runs[1].italic);
  CHECK(runs[2].text == "three");
  CHECK(runs[3].text == "four");
  CHECK(runs[3].bold);
  CHECK(runs[4].text == " ");
  CHECK_FALSE(runs[4].bold);
  CHECK(runs[5].text == "five");
  CHECK(runs[5].italic);
  CHECK(runs[6].text == " six");
  CHECK(runs[0].pos.line == 7);
  CHECK(runs[0].pos.column == 3);
}

TEST_CASE("no-break spaces are kept and whitespace-only elements give one space", "[article]") {
  std::optional<article::Article> a;
  REQUIRE(diagnose_body("<p>4&#160;November <em> </em> 2024 a<em> </em>b</p>", &a) == Msgs{});
  CHECK(article::plain_text(a->blocks.at(0).runs) == "4\u00a0November 2024 a b");
}

TEST_CASE("runs carry the union of their ancestors' properties", "[article]") {
  std::optional<article::Article> a;
  REQUIRE(diagnose_body(R"(<p><strong>Bold <em>both <person ref="starmer">Keir</person></em></strong> )"
                        R"(<url href="https://gov.uk">gov.uk</url> <email>press@example.org</email></p>)",
                        &a) == Msgs{});
  const auto& runs = a->blocks.at(0).runs;
  const auto keir = std::find_if(runs.begin(), runs.end(), [](const article::Run& r) { return r.text == "Keir"; });
  REQUIRE(keir != runs.end());
  CHECK(keir->bold);
  CHECK(keir->italic);
  CHECK(keir->no_hyphenate);
  CHECK(keir->kind == article::RunKind::person);
  CHECK(keir->ref == "starmer");
  const auto url = std::find_if(runs.begin(), runs.end(), [](const article::Run& r) { return r.text == "gov.uk"; });
  REQUIRE(url != runs.end());
  CHECK(url->no_hyphenate);
  CHECK_FALSE(url->bold);
  const auto mail =
      std::find_if(runs.begin(), runs.end(), [](const article::Run& r) { return r.text == "press@example.org"; });
  REQUIRE(mail != runs.end());
  CHECK(mail->no_hyphenate);
  CHECK(article::plain_text(runs) == "Bold both Keir gov.uk press@example.org");
}

TEST_CASE("quotes, continuations, facts and mention order", "[article]") {
  Doc d;
  d.people = R"(<people><person id="a" role="R">Ann Able</person><person id="b" role="R" sort="Zed">Bo Bee</person>)"
             R"(<person id="c" role="R">Cy Sea</person></people>)";
  d.body = R"(<p><person ref="c">Cy</person> said “<quote id="q1" speaker="b">one,</quote>” and “<quote )"
           R"(continues="q1" callout="yes">two <fact short="Short">fact text</fact>.</quote>”</p>)"
           "\n<p>“<quote id=\"q3\" continues=\"q1\">three</quote>” <fact>A  plain\n fact</fact></p>";
  std::optional<article::Article> a;
  REQUIRE(diagnose(d.str(), &a) == Msgs{});
  REQUIRE(a->quotes.size() == 1);
  CHECK(a->quotes[0].id == "q1");
  CHECK(a->quotes[0].speaker == "b");
  CHECK(a->quotes[0].callout);
  CHECK(a->quotes[0].block == 0);
  CHECK(a->quotes[0].text == "one \u2026 two fact text. \u2026 three");
  CHECK(a->quotes[0].pos.line == 6);
  REQUIRE(a->facts.size() == 2);
  CHECK(a->facts[0].text == "Short");
  CHECK(a->facts[0].full_text == "fact text");
  CHECK(a->facts[0].block == 0);
  CHECK(a->facts[1].text == "A plain fact");
  CHECK(a->facts[1].block == 1);
  CHECK(a->mention_order == std::vector<std::string>{"c", "b", "a"});
  CHECK(a->person("a")->sort_key == "Able");
  CHECK(a->person("b")->sort_key == "Zed");
  const auto& runs = a->blocks[0].runs;
  const auto fact = std::find_if(runs.begin(), runs.end(), [](const article::Run& r) { return r.text == "fact text"; });
  REQUIRE(fact != runs.end());
  CHECK(fact->quote == 0);
  CHECK(fact->fact == 0);
  CHECK(fact->kind == article::RunKind::fact);
}

TEST_CASE("listed facts follow tagged facts; defaults apply", "[article]") {
  Doc d;
  d.root = "<article id=\"t\">";
  d.body = "<p>Text <fact>tagged</fact>.</p>";
  d.meta = "<meta><title>T</title><date when=\"2024\"/></meta><facts><fact> Listed\n one </fact></facts>";
  std::optional<article::Article> a;
  REQUIRE(diagnose(d.str(), &a) == Msgs{});
  REQUIRE(a->facts.size() == 2);
  CHECK(a->facts[0].text == "tagged");
  CHECK(a->facts[1].text == "Listed one");
  CHECK(a->facts[1].block == -1);
  CHECK(a->meta.lang == "en-GB");
  CHECK(a->meta.marking == "OFFICIAL");
  CHECK(a->meta.date.from == "2024");
  CHECK(a->meta.date.to == "2024");
}

TEST_CASE("a byte order mark is accepted and not counted in columns", "[article]") {
  CHECK(diagnose("\xEF\xBB\xBF" + Doc().str()) == Msgs{});
  CHECK(diagnose("\xEF\xBB\xBF<briefing/>") ==
        Msgs{"t.xml:1:1: error: expected root element <article>, found <briefing>"});
}

TEST_CASE("comments and CDATA are allowed", "[article]") {
  std::optional<article::Article> a;
  REQUIRE(diagnose_body("<!-- note --><p>a <!-- inside --> b <![CDATA[<c>]]></p>", &a) == Msgs{});
  CHECK(article::plain_text(a->blocks.at(0).runs) == "a b <c>");
}

// ---- diagnostics, one by one --------------------------------------------------------------------

TEST_CASE("diagnostic: malformed xml", "[article][diag]") {
  CHECK(diagnose("<article id=\"t\"><meta></article>") ==
        Msgs{"t.xml:1:25: error: malformed xml: start-end tags mismatch"});
  CHECK(diagnose("") == Msgs{"t.xml:1:1: error: malformed xml: no document element found"});
  CHECK(diagnose("<article id=\"t\"/>\n<article id=\"u\"/>") ==
        Msgs{"t.xml:2:1: error: malformed xml: only one root element is allowed; found a second <article>"});
  CHECK(diagnose("<article id=\"t\"/>\ntrailing") ==
        Msgs{"t.xml:2:1: error: malformed xml: text is not allowed outside the root element"});
  CHECK(diagnose("<!-- a -- b --><article id=\"t\"/>").front() ==
        "t.xml:1:8: error: malformed xml: '--' is not allowed inside a comment");
}

TEST_CASE("diagnostic: doctype refused", "[article][diag]") {
  CHECK(diagnose("<?xml version=\"1.0\"?>\n<!DOCTYPE article [\n<!ENTITY boom \"boom\">\n]>\n<article "
                 "id=\"t\">&boom;</article>") ==
        Msgs{"t.xml:2:1: error: doctype and entity declarations are not allowed"});
  CHECK(diagnose("<article id=\"t\">\n  <!DOCTYPE x></article>") ==
        Msgs{"t.xml:2:3: error: doctype and entity declarations are not allowed"});
}

TEST_CASE("diagnostic: invalid utf-8 and control characters", "[article][diag]") {
  CHECK(diagnose("<article id=\"t\">\n<meta><title>caf\xC3\xA9 \xFF</title></meta></article>") ==
        Msgs{"t.xml:2:19: error: invalid utf-8 at byte 36 (0xff); save the file as UTF-8"});
  CHECK(diagnose("<article id=\"t\">\x01</article>") ==
        Msgs{"t.xml:1:17: error: character U+0001 is not allowed in xml"});
}

TEST_CASE("diagnostic: wrong root", "[article][diag]") {
  CHECK(diagnose("<?xml version=\"1.0\"?>\n<briefing><article/></briefing>") ==
        Msgs{"t.xml:2:1: error: expected root element <article>, found <briefing>"});
}

TEST_CASE("diagnostic: unknown element", "[article][diag]") {
  CHECK(diagnose_body("<p>Fine.</p><parra>x</parra>") ==
        Msgs{"t.xml:6:13: error: unknown element <parra> in <section>; did you mean <p>?"});
  CHECK(diagnose_body("<p>Fine.</p><sidebar>x</sidebar>") ==
        Msgs{"t.xml:6:13: error: unknown element <sidebar> in <section>"});
  CHECK(diagnose_body("<p>A <emph>b</emph> <b>c</b></p>") ==
        Msgs{"t.xml:6:6: error: unknown element <emph> in <p>; did you mean <em>?",
             "t.xml:6:21: error: unknown element <b> in <p>; did you mean <strong>?"});
  Doc d;
  d.meta = "<meta><title>T</title><date when=\"2024\"/><titel>x</titel></meta>";
  CHECK(diagnose(d.str()) == Msgs{"t.xml:2:42: error: unknown element <titel> in <meta>; did you mean <title>?"});
}

TEST_CASE("diagnostic: unknown and duplicate attributes", "[article][diag]") {
  CHECK(diagnose_body("<p>“<quote speeker=\"starmer\">Hi</quote>”</p>") ==
        Msgs{"t.xml:6:5: error: <quote> has no speaker",
             "t.xml:6:12: error: unknown attribute 'speeker' on <quote>; did you mean 'speaker'?"});
  CHECK(diagnose_body("<p><person id=\"starmer\">Keir</person></p>") ==
        Msgs{"t.xml:6:4: error: <person> is missing required attribute 'ref'",
             "t.xml:6:12: error: unknown attribute 'id' on <person>; did you mean 'ref'?"});
  CHECK(diagnose_body("<p class=\"x\">Text</p>") == Msgs{"t.xml:6:4: error: unknown attribute 'class' on <p>"});
  CHECK(diagnose_body("<p><em x=\"1\" x=\"2\">Text</em></p>") ==
        Msgs{"t.xml:6:8: error: unknown attribute 'x' on <em>", "t.xml:6:14: error: unknown attribute 'x' on <em>"});
  CHECK(diagnose_body("<p><quote speaker=\"starmer\" speaker=\"starmer\">Hi</quote></p>") ==
        Msgs{"t.xml:6:29: error: duplicate attribute 'speaker' on <quote>"});
}

TEST_CASE("diagnostic: missing required attribute, element or text", "[article][diag]") {
  Doc d;
  d.people = R"(<people><person id="x">Xavier Ex</person></people>)";
  CHECK(diagnose(d.str()) == Msgs{"t.xml:3:9: error: <person> is missing required attribute 'role'"});
  d = Doc();
  d.meta = R"(<meta><date when="2024-11-04"/></meta>)";
  CHECK(diagnose(d.str()) == Msgs{"t.xml:2:1: error: <meta> is missing required element <title>"});
  d.meta = R"(<meta><title> </title><date when="2024-11-04"/></meta>)";
  CHECK(diagnose(d.str()) == Msgs{"t.xml:2:7: error: <title> must not be empty"});
  d.meta = R"(<meta><title>T</title></meta>)";
  CHECK(diagnose(d.str()) == Msgs{"t.xml:2:1: error: <meta> is missing required element <date>"});
  d = Doc();
  d.people = R"(<people><person id="x" role=" ">Xavier Ex</person></people>)";
  CHECK(diagnose(d.str()) == Msgs{"t.xml:3:24: error: attribute 'role' on <person> must not be empty"});
  d = Doc();
  d.root = "<article>";
  CHECK(diagnose(d.str()) == Msgs{"t.xml:1:1: error: <article> is missing required attribute 'id'"});
  CHECK(diagnose("<article id=\"t\"><body><section><p>x</p></section></body></article>") ==
        Msgs{"t.xml:1:1: error: <article> is missing required element <meta>"});
  CHECK(diagnose_body("<p>  </p><p>x</p>") == Msgs{"t.xml:6:1: error: <p> must not be empty"});
  CHECK(diagnose_body("<p>x <quote speaker=\"starmer\"> </quote></p>") ==
        Msgs{"t.xml:6:6: error: <quote> must not be empty"});
  CHECK(diagnose_body("<p>x <person ref=\"starmer\"/> <url href=\"https://gov.uk\"></url></p>") ==
        Msgs{"t.xml:6:6: error: <person> must not be empty", "t.xml:6:30: error: <url> must not be empty"});
  CHECK(diagnose_body("<p>x <fact short=\"F\"/> <em> </em> y</p>") ==
        Msgs{"t.xml:6:6: error: <fact> must not be empty"});
}

TEST_CASE("diagnostic: duplicate id", "[article][diag]") {
  Doc d;
  d.people = R"(<people><person id="starmer" role="PM">Keir Starmer</person>)"
             "\n"
             R"(<person id="starmer" role="PM">Keir Starmer</person></people>)";
  // The section moved down a line: the first person is on line 3, the second on line 4.
  CHECK(diagnose(d.str()) == Msgs{"t.xml:4:9: error: duplicate id 'starmer' (first declared at line 3)"});
  d = Doc();
  d.orgs = R"(<organisations><org id="starmer">Starmer Ltd</org></organisations>)";
  CHECK(diagnose(d.str()) == Msgs{"t.xml:4:21: error: duplicate id 'starmer' (first declared at line 3)"});
}

TEST_CASE("diagnostic: undeclared references", "[article][diag]") {
  CHECK(diagnose_body("<p><person ref=\"stramer\">Keir</person></p>") ==
        Msgs{"t.xml:6:12: error: <person ref=\"stramer\"> refers to an undeclared person; did you mean 'starmer'?"});
  CHECK(diagnose_body("<p><person ref=\"nobody\">Keir</person></p>") ==
        Msgs{"t.xml:6:12: error: <person ref=\"nobody\"> refers to an undeclared person"});
  CHECK(diagnose_body("<p><org ref=\"ncaa\">NCA</org></p>") ==
        Msgs{"t.xml:6:9: error: <org ref=\"ncaa\"> refers to an undeclared organisation; did you mean 'nca'?"});
}

TEST_CASE("diagnostic: quotation speakers and continuations", "[article][diag]") {
  CHECK(diagnose_body("<p>“<quote>Hi</quote>”</p>") == Msgs{"t.xml:6:5: error: <quote> has no speaker"});
  CHECK(diagnose_body("<p><quote speaker=\"x\">Hi</quote></p>") ==
        Msgs{"t.xml:6:11: error: <quote speaker=\"x\"> refers to an undeclared person"});
  CHECK(diagnose_body("<p><quote speaker=\"stramer\">Hi</quote></p>") ==
        Msgs{"t.xml:6:11: error: <quote speaker=\"stramer\"> refers to an undeclared person; did you mean 'starmer'?"});
  CHECK(diagnose_body("<p><quote id=\"q1\" speaker=\"starmer\">A</quote> <quote continues=\"q2\">B</quote></p>") ==
        Msgs{"t.xml:6:54: error: <quote continues=\"q2\"> refers to an unknown quote; did you mean 'q1'?"});
  CHECK(diagnose_body("<p><quote callout=\"maybe\" speaker=\"starmer\">A</quote></p>") ==
        Msgs{"t.xml:6:11: error: invalid value 'maybe' for 'callout' on <quote> (expected yes or no)"});
  CHECK(diagnose_body("<p><quote speaker=\"starmer\">A <quote speaker=\"starmer\">B</quote></quote></p>") ==
        Msgs{"t.xml:6:31: error: <quote> cannot be nested inside another <quote>"});
  CHECK(diagnose_body("<p><fact>A <fact>B</fact></fact></p>") ==
        Msgs{"t.xml:6:12: error: <fact> cannot be nested inside another <fact>"});
}

TEST_CASE("diagnostic: bad dates", "[article][diag]") {
  Doc d;
  d.meta = R"(<meta><title>T</title><date when="2024-13-01"/></meta>)";
  CHECK(diagnose(d.str()) == Msgs{"t.xml:2:29: error: invalid date '2024-13-01' (expected YYYY-MM-DD)"});
  d.meta = R"(<meta><title>T</title><date when="2023-02-29"/></meta>)";
  CHECK(diagnose(d.str()) == Msgs{"t.xml:2:29: error: invalid date '2023-02-29' (expected YYYY-MM-DD)"});
  d.meta = R"(<meta><title>T</title><date when="2024-02-29"/></meta>)";
  CHECK(diagnose(d.str()) == Msgs{});
  d.meta = R"(<meta><title>T</title><date from="2024-11-07" to="2024-11-04"/></meta>)";
  CHECK(diagnose(d.str()) ==
        Msgs{"t.xml:2:47: error: the date range ends before it starts ('to' 2024-11-04 is before 'from' 2024-11-07)"});
  d.meta = R"(<meta><title>T</title><date from="2024-11-04" to="2024-11"/></meta>)";
  CHECK(diagnose(d.str()) == Msgs{});
  d.meta = R"(<meta><title>T</title><date from="2024-11-04"/></meta>)";
  CHECK(diagnose(d.str()) == Msgs{"t.xml:2:23: error: <date> is missing required attribute 'to'"});
  d.meta = R"(<meta><title>T</title><date/></meta>)";
  CHECK(diagnose(d.str()) == Msgs{"t.xml:2:23: error: <date> needs a 'when' attribute, or 'from' and 'to'"});
  CHECK(diagnose_body("<p>On <date when=\"4 Nov\">4 November</date>.</p>") ==
        Msgs{"t.xml:6:13: error: invalid date '4 Nov' (expected YYYY-MM-DD)"});
}

TEST_CASE("diagnostic: marking", "[article][diag]") {
  Doc d;
  d.meta = R"(<meta><title>T</title><date when="2024"/><marking>OFICIAL</marking></meta>)";
  CHECK(diagnose(d.str()) == Msgs{"t.xml:2:42: error: unknown marking 'OFICIAL'; did you mean 'OFFICIAL'?"});
  d.meta = R"(<meta><title>T</title><date when="2024"/><marking>official sensitive</marking></meta>)";
  CHECK(diagnose(d.str()) ==
        Msgs{"t.xml:2:42: error: unknown marking 'official sensitive'; did you mean 'OFFICIAL-SENSITIVE'?"});
  d.meta = R"(<meta><title>T</title><date when="2024"/><marking>PUBLIC</marking></meta>)";
  CHECK(diagnose(d.str()) ==
        Msgs{"t.xml:2:42: error: unknown marking 'PUBLIC' (allowed: OFFICIAL, OFFICIAL-SENSITIVE, SECRET, "
             "TOP SECRET)"});
  d.meta = R"(<meta><title>T</title><date when="2024"/><marking>TOP  SECRET</marking></meta>)";
  std::optional<article::Article> a;
  CHECK(diagnose(d.str(), &a) == Msgs{});
  CHECK(a->meta.marking == "TOP SECRET");
}

TEST_CASE("diagnostic: empty article", "[article][diag]") {
  CHECK(diagnose_body("") == Msgs{"t.xml:5:1: error: the article has no paragraphs"});
  CHECK(diagnose_body("<heading>Only a heading</heading>") == Msgs{"t.xml:5:1: error: the article has no paragraphs"});
  CHECK(diagnose_body("<p>x</p></section><section><heading>H</heading>") ==
        Msgs{"t.xml:6:19: error: <section> has no paragraphs"});
}

TEST_CASE("diagnostic: text directly in body or section", "[article][diag]") {
  CHECK(diagnose_body("Stray text<p>Fine.</p>") ==
        Msgs{"t.xml:6:1: error: text is not allowed directly in <section>; put it in a <p>"});
  CHECK(diagnose_body("<p>Fine.</p></section>\n  Loose <section><p>x</p>") ==
        Msgs{"t.xml:7:3: error: text is not allowed directly in <body>; put it in a <p>"});
  CHECK(diagnose_body("<p>Fine.</p><heading>H</heading>") ==
        Msgs{"t.xml:6:13: error: <heading> must come first in its <section>, and only once"});
}

TEST_CASE("diagnostic: entities", "[article][diag]") {
  CHECK(diagnose_body("<p>a&nbsp;b &amp; &#x2019; c & d &#1;</p>") ==
        Msgs{"t.xml:6:5: error: unknown entity '&nbsp;'; write the character itself, or a numeric reference such "
             "as &#160; for a no-break space",
             "t.xml:6:30: error: a bare '&' must be written as &amp;",
             "t.xml:6:34: error: invalid character reference '&#1;'"});
}

TEST_CASE("diagnostic: nesting too deep does not overflow the stack", "[article][diag]") {
  std::string deep;
  for (int i = 0; i < 70; ++i) deep += "<em>";
  deep += "x";
  for (int i = 0; i < 70; ++i) deep += "</em>";
  CHECK(diagnose_body("<p>" + deep + "</p>") ==
        Msgs{"t.xml:6:1: error: <p> must not be empty",
             "t.xml:6:260: error: inline elements are nested more than 64 levels deep"});

  // Far deeper than any call stack could take if the loader recursed.
  std::string very_deep;
  constexpr int kLevels = 200000;
  very_deep.reserve(kLevels * 10);
  for (int i = 0; i < kLevels; ++i) very_deep += "<em>";
  for (int i = 0; i < kLevels; ++i) very_deep += "</em>";
  const auto msgs = diagnose_body("<p>x" + very_deep + "</p>");
  CHECK(msgs == Msgs{"t.xml:6:261: error: inline elements are nested more than 64 levels deep"});
  const auto unknown = diagnose("<article id=\"t\">" + very_deep + "</article>");
  CHECK_FALSE(unknown.empty());
}

TEST_CASE("several errors in one file are all reported, in file order", "[article][diag]") {
  Doc d;
  d.meta = R"(<meta><title>T</title><date when="2024-11-31"/><marking>SECERT</marking></meta>)";
  d.people = R"(<people><person id="starmer">Keir Starmer</person></people>)";
  d.body = "<p><person ref=\"starmer\">Keir</person> <org ref=\"ncb\">x</org> <quote>q</quote></p>\n<parra/>";
  CHECK(diagnose(d.str()) ==
        Msgs{
            "t.xml:2:29: error: invalid date '2024-11-31' (expected YYYY-MM-DD)",
            "t.xml:2:48: error: unknown marking 'SECERT'; did you mean 'SECRET'?",
            "t.xml:3:9: error: <person> is missing required attribute 'role'",
            "t.xml:6:12: error: <person ref=\"starmer\"> refers to an undeclared person",
            "t.xml:6:45: error: <org ref=\"ncb\"> refers to an undeclared organisation; did you mean 'nca'?",
            "t.xml:6:63: error: <quote> has no speaker",
            "t.xml:7:1: error: unknown element <parra> in <section>; did you mean <p>?",
        });
}

TEST_CASE("diagnostic: unreadable file", "[article][diag]") {
  base::DiagSink sink;
  const auto a = article::load_file("/nonexistent/article.xml", sink);
  CHECK_FALSE(a.has_value());
  CHECK(messages(sink) == Msgs{"/nonexistent/article.xml: error: cannot read file: no such file or directory"});
}

TEST_CASE("the loader survives every truncation and corruption of the seed", "[article][robust]") {
  std::string error;
  const auto seed = base::read_file(kSeedPath, error);
  REQUIRE(seed.has_value());
  for (std::size_t cut = 0; cut < seed->size(); cut += 97) {
    base::DiagSink sink;
    std::optional<article::Article> a;
    CHECK_NOTHROW(a = article::load_from_string(std::string_view(*seed).substr(0, cut), "t.xml", sink));
    CHECK_FALSE(a.has_value());
    CHECK(sink.has_errors());
  }
  for (std::size_t at = 0; at < seed->size(); at += 89) {
    for (const char c : {'<', '>', '&', '"', '\0', '\xC3'}) {
      std::string broken = *seed;
      broken[at] = c;
      base::DiagSink sink;
      std::optional<article::Article> a;
      CHECK_NOTHROW(a = article::load_from_string(broken, "t.xml", sink));
      CHECK(a.has_value() == !sink.has_errors());
      for (const auto& diag : sink.items()) CHECK_FALSE(diag.message.empty());
    }
  }
}
