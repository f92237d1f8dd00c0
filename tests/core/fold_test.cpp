// Folding is used for search keys and sort keys computed once: folding twice must change nothing.
#include "core/fold.hpp"

#include "test_util.hpp"

using namespace dr;

// Found by fuzz_fold: "A\xcc\xcc\x82\x81p" folded to "a\xcc\x81p", and folding that dropped the
// "\xcc\x81" (now a combining acute) as well.
TEST(Fold, BrokenBytesBecomeReplacementCharacters) {
  const std::string broken = "A\xcc\xcc\x82\x81p";
  EXPECT_EQ(fold(broken), "a\xEF\xBF\xBD\xEF\xBF\xBDp");
  EXPECT_EQ(fold(fold(broken)), fold(broken));
  EXPECT_EQ(fold("\xff"), "\xEF\xBF\xBD");
  EXPECT_EQ(fold("Ấp Mới"), "ap moi");  // valid text as before
  EXPECT_EQ(fold("A\xcc\x82\xcc\x81p"), "ap");
  EXPECT_NE(natural_compare("x\xff", "x\xfe"), 0);  // still only equal for equal bytes
}
