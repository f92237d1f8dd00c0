// NDJSON input: one record per line, the size limit per line (not per file), blank lines and
// Windows line ends tolerated, an over-long line skipped without losing the records after it.
#include <gtest/gtest.h>

#include <cstdio>
#include <string>
#include <vector>

#include "cli/record_source.hpp"

namespace {

std::vector<drcli::RawRecord> read_all(std::string text, std::size_t limit) {
  std::FILE* f = fmemopen(text.data(), text.size(), "rb");
  drcli::NdjsonReader reader(f, true, "in.ndjson", limit);
  std::vector<drcli::RawRecord> out;
  for (drcli::RawRecord r; reader.next(r);) out.push_back(r);
  return out;
}

TEST(NdjsonReader, OneRecordPerLineNamedByLine) {
  auto got = read_all("\xEF\xBB\xBF{\"a\":1}\r\n\n  \n{\"b\":2}\n{\"c\":3}", 100);
  ASSERT_EQ(got.size(), 3u);
  EXPECT_EQ(got[0].text, "{\"a\":1}");
  EXPECT_EQ(got[0].name, "in.ndjson:1");
  EXPECT_EQ(got[1].text, "{\"b\":2}");
  EXPECT_EQ(got[1].name, "in.ndjson:4");
  EXPECT_EQ(got[2].text, "{\"c\":3}");  // last line without a line break
  for (auto& r : got) EXPECT_TRUE(r.error.empty());
}

TEST(NdjsonReader, OverLongLineFailsAloneAndReadingGoesOn) {
  const std::string big(3 << 20, 'x');  // longer than one read block: skipped across blocks
  auto got = read_all("{\"a\":1}\n" + big + "\n{\"b\":2}\n" + std::string(150, 'y'), 100);
  ASSERT_EQ(got.size(), 4u);
  EXPECT_EQ(got[0].text, "{\"a\":1}");
  EXPECT_EQ(got[1].name, "in.ndjson:2");
  EXPECT_EQ(got[1].error, "in.ndjson:2: record is 3145728 bytes, over the limit of 100");
  EXPECT_TRUE(got[1].text.empty());
  EXPECT_EQ(got[2].text, "{\"b\":2}");
  EXPECT_EQ(got[2].name, "in.ndjson:3");
  EXPECT_EQ(got[3].error, "in.ndjson:4: record is 150 bytes, over the limit of 100");
}

TEST(NdjsonReader, LineOfExactlyTheLimitIsKept) {
  const std::string line(100, 'z');
  auto got = read_all(line + "\n" + line, 100);
  ASSERT_EQ(got.size(), 2u);
  EXPECT_EQ(got[0].text, line);
  EXPECT_EQ(got[1].text, line);
}

}  // namespace
