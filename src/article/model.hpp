// The article model: what a tagged article says, as plain C++ values (no XML types).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/diag.hpp"

namespace briefing::article {

/// A person declared once in <people> and referenced by id from the text.
struct Person {
  std::string id;
  std::string name;         ///< name as printed in the who-is-who list
  std::string role;         ///< role as the article gives it
  std::string affiliation;  ///< organisation or country, may be empty
  std::string sort_key;     ///< surname for sorting; defaults to the last word of the name
  base::SourcePos pos;
};

/// An organisation declared once in <organisations>.
struct Organisation {
  std::string id;
  std::string name;
  std::string short_name;  ///< e.g. "NCA"; may be empty
  base::SourcePos pos;
};

/// What an inline run of text is, beyond its face: drives hyphenation and cross references.
enum class RunKind { text, person, organisation, place, date, quote, fact };

/// A run of text in one style inside a paragraph or heading. Runs nest in the XML; here they are
/// flattened, each carrying the union of its ancestors' properties.
struct Run {
  std::string text;  ///< UTF-8, XML whitespace collapsed to single spaces
  bool italic = false;
  bool bold = false;
  bool no_hyphenate = false;  ///< inside a person or organisation name, a URL, an e-mail address
  RunKind kind = RunKind::text;
  std::string ref;        ///< person/organisation id for such runs
  int quote = -1;         ///< index into Article::quotes when inside a quotation
  int fact = -1;          ///< index into Article::facts when inside a fact
  base::SourcePos pos;    ///< where the run's text starts
};

/// A block of the body: a paragraph or a section heading.
struct Block {
  enum class Kind { heading, paragraph };
  Kind kind = Kind::paragraph;
  std::vector<Run> runs;
  int section = 0;  ///< index of the section it belongs to
  base::SourcePos pos;
};

/// A quotation in the text; parts of one quotation split by narration are joined.
struct Quote {
  std::string id;       ///< may be empty
  std::string speaker;  ///< person id
  std::string text;     ///< the quotation's words (all parts joined with a space)
  bool callout = false; ///< the author marked it as a callout candidate
  int block = -1;       ///< index of the block holding its first part
  base::SourcePos pos;
};

/// A fact for the key-facts box: tagged in the text or listed in <facts>.
struct Fact {
  std::string text;        ///< the fact as the box prints it (its short form when given)
  std::string full_text;   ///< the tagged text as it stands in the article (empty for listed facts)
  int block = -1;          ///< block that states it, or -1 for a listed fact
  base::SourcePos pos;
};

/// A date or a date range in ISO 8601 (YYYY-MM-DD, YYYY-MM or YYYY).
struct DateRange {
  std::string from;
  std::string to;  ///< equal to `from` for a single date
};

/// The article's metadata.
struct Meta {
  std::string id;        ///< from the root's id attribute; names output files
  std::string lang;      ///< xml:lang, e.g. "en-GB"
  std::string title;
  std::string standfirst;
  DateRange date;
  std::string place;
  std::string source;    ///< publisher or originating office
  std::string byline;    ///< author, may be empty
  std::string marking = "OFFICIAL";
  std::vector<std::string> keywords;
};

/// A whole tagged article.
struct Article {
  std::string path;  ///< file it was loaded from
  Meta meta;
  std::vector<Person> people;
  std::vector<Organisation> organisations;
  std::vector<Block> blocks;
  std::vector<Quote> quotes;
  std::vector<Fact> facts;  ///< tagged facts in text order, then listed facts
  /// People ids in order of first mention in the text (people never mentioned follow in declared order).
  std::vector<std::string> mention_order;

  [[nodiscard]] const Person* person(std::string_view id) const;
  [[nodiscard]] const Organisation* organisation(std::string_view id) const;
};

/// Plain text of a list of runs (concatenated).
[[nodiscard]] std::string plain_text(const std::vector<Run>& runs);

}  // namespace briefing::article
