// The --help text: every command, option, exit code and environment variable.
#include "cli/options.hpp"

namespace briefing::cli {

std::string usage() {
  return R"(briefing - typeset tagged news articles as PDF briefing sheets

usage:
  briefing render ARTICLE.xml [--layout NAME|FILE] [-o OUT.pdf]
  briefing check  ARTICLE.xml [--layout NAME|FILE]
  briefing build  [ARTICLE.xml|DIR ...|--manifest FILE] [--layout NAME|FILE ...] [-o DIR] [-j N]
                  [--force] [--depfile FILE] [--shard K/N | --shard-env VAR --shard-count N]
                  [--json] [--quiet]
  briefing watch  [same selection as build] [--exit-after N]
  briefing --help | --version

commands:
  render   lay out the article and write the PDF (default: out/<article-id>-<layout>.pdf)
  check    load and lay out the article without writing anything; report every problem
  build    render many articles with many layouts into DIR/<article-id>-<layout>.pdf, only those
           whose inputs changed since the last build (see docs/batch.md)
  watch    build, then watch the articles, layouts and fonts and rebuild what a change affects

options (render, check):
  -l, --layout NAME|FILE  layout name (resolved in the layouts folder) or path; default a4-briefing
  -o, --output FILE       where to write the PDF (written atomically)

options (build, watch):
  ARTICLE.xml|DIR         articles to render; a folder stands for its *.xml (default: source/)
  -l, --layout NAME|FILE  a layout to use; repeatable (default: every layout in the layouts folder)
  -m, --manifest FILE     lines of `ARTICLE LAYOUT [OUTPUT]`, paths relative to FILE's folder,
                          LAYOUT `*` for every layout, OUTPUT relative to DIR
  -o, --out-dir DIR       output folder, also holding the cache .briefing-cache (default: out)
  -j, --jobs N            documents rendered in parallel (default: the number of cores)
  -f, --force             render everything, even what is up to date
  --depfile FILE          write a Make/Ninja depfile: one `OUTPUT: INPUTS...` rule per document
  --shard K/N             render only the K-th of N parts of the sorted document list (1 <= K <= N)
  --shard-env VAR         read K from the environment variable VAR (e.g. SLURM_ARRAY_TASK_ID)
  --shard-count N         the number of parts N, with --shard-env
  --shard-base 0|1        the first index VAR takes (default 1; 0 for JOB_COMPLETION_INDEX)
  --json                  print one JSON object per document and a summary, one per line
  --exit-after N          (watch) stop after N rebuilds; for scripts and tests

options (all commands):
  --layouts-dir DIR       folder of named layouts (default: ./layouts, else next to the program)
  --fonts-dir DIR         folder of font files (default: the folder 'fonts' beside the layouts)
  --allow-outside-files   let layouts use font and image files outside their own folder and
                          the fonts folder (refused by default)
  -q, --quiet             print errors only
  -h, --help              show this help
  --version               show the version

exit codes:
  0    success (build: every document built or up to date)
  1    an input has errors or an output cannot be written (build: one or more documents
       failed; the others were still built)
  2    usage error: bad option, unknown layout name, missing article, bad manifest or shard
  130  build stopped by SIGINT (143: SIGTERM) after finishing the documents in progress;
       watch ends with 0 on either signal, its normal way to stop

environment:
  SOURCE_DATE_EPOCH       seconds since 1970 for the dates written into the PDF
  NO_COLOR                no colours in the output of build and watch
  CI                      plain progress lines instead of a progress bar
)";
}

}  // namespace briefing::cli
