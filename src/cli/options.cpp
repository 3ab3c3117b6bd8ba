#include "cli/options.hpp"

#include "cli/options_internal.hpp"

namespace briefing::cli {

namespace {

using detail::Flag;

/// The command a word names.
std::optional<Options::Command> command_named(const std::string& name) {
  using C = Options::Command;
  if (name == "render") return C::render;
  if (name == "check") return C::check;
  if (name == "build") return C::build;
  if (name == "watch") return C::watch;
  return std::nullopt;
}

/// Reads a flag's value into `field`.
Flag store(ArgCursor& args, std::string& field, std::string& error) {
  auto v = args.value(error);
  if (!v) return Flag::failed;
  field = std::move(*v);
  return Flag::handled;
}

/// Options every command accepts, and those of render and check.
Flag parse_common_flag(const std::string& flag, ArgCursor& args, Options& o, std::string& error) {
  if (flag == "-l" || flag == "--layout") {
    if (!o.is_batch()) return store(args, o.layout, error);
    o.batch.layouts.emplace_back();
    return store(args, o.batch.layouts.back(), error);
  }
  if (flag == "-o" || flag == "--output" || flag == "--out-dir") {
    if (o.command == Options::Command::check) {
      error = "'check' writes nothing; drop '" + flag + "'";
      return Flag::failed;
    }
    if (flag == "--out-dir" && !o.is_batch()) return Flag::unknown;
    return store(args, o.is_batch() ? o.batch.out_dir : o.output, error);
  }
  if (flag == "--layouts-dir") return store(args, o.layouts_dir, error);
  if (flag == "--fonts-dir") return store(args, o.fonts_dir, error);
  if (flag == "-q" || flag == "--quiet") return o.quiet = true, Flag::handled;
  if (flag == "--allow-outside-files") return o.allow_outside_files = true, Flag::handled;
  return Flag::unknown;
}

/// A positional argument: the article (render, check) or one more article or folder (build, watch).
bool take_positional(const std::string& a, Options& o, std::string& error) {
  if (o.is_batch()) {
    o.batch.articles.push_back(a);
    return true;
  }
  if (!o.article.empty()) {
    error = "more than one article given ('" + o.article + "', '" + a + "')";
    return false;
  }
  o.article = a;
  return true;
}

/// Reads every argument after the command.
bool parse_arguments(ArgCursor& args, Options& o, std::string& error) {
  while (!args.done()) {
    const std::string flag = args.next();
    if (flag == "-h" || flag == "--help") return o.command = Options::Command::help, true;
    Flag r = parse_common_flag(flag, args, o, error);
    if (r == Flag::unknown && o.is_batch()) r = detail::parse_batch_flag(flag, args, o, error);
    if (r == Flag::failed) return false;
    if (r == Flag::handled && args.has_inline_value()) {
      error = "option '" + flag + "' takes no value";
      return false;
    }
    if (r == Flag::handled) continue;
    if (flag.size() > 1 && flag[0] == '-') {
      error = "unknown option '" + flag + "'";
      return false;
    }
    if (!take_positional(flag, o, error)) return false;
  }
  return true;
}

}  // namespace

std::optional<Options> parse(const std::vector<std::string>& args, std::string& error) {
  Options o;
  if (args.empty()) {
    error = "no command given";
    return std::nullopt;
  }
  const std::string& cmd = args[0];
  if (cmd == "--help" || cmd == "-h" || cmd == "help") return o;
  if (cmd == "--version") return o.command = Options::Command::version, o;
  const auto command = command_named(cmd);
  if (!command) {
    error = "unknown command '" + cmd + "' (expected render, check, build or watch)";
    return std::nullopt;
  }
  o.command = *command;
  ArgCursor cursor(args, 1);
  if (!parse_arguments(cursor, o, error)) return std::nullopt;
  if (o.command == Options::Command::help) return o;
  if (o.is_batch()) return detail::validate_batch(o, error) ? std::optional(o) : std::nullopt;
  if (o.article.empty()) {
    error = "no article given";
    return std::nullopt;
  }
  return o;
}

}  // namespace briefing::cli
