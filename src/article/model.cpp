#include "article/model.hpp"

namespace briefing::article {

const Person* Article::person(std::string_view id) const {
  for (const Person& p : people)
    if (p.id == id) return &p;
  return nullptr;
}

const Organisation* Article::organisation(std::string_view id) const {
  for (const Organisation& o : organisations)
    if (o.id == id) return &o;
  return nullptr;
}

std::string plain_text(const std::vector<Run>& runs) {
  std::size_t size = 0;
  for (const Run& r : runs) size += r.text.size();
  std::string out;
  out.reserve(size);
  for (const Run& r : runs) out += r.text;
  return out;
}

}  // namespace briefing::article
