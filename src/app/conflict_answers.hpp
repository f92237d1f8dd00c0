// What differs between two copies of one result (a conflict the organiser decides): the questions
// answered otherwise, in the survey's order, so a person can see which copy is right.
#pragma once
#include <string>
#include <vector>

#include "core/digiready.hpp"

namespace app {

struct AnswerDifference {
  const dr::Question* question = nullptr;  // in the copies' survey
  const dr::Value* a = nullptr;            // nullptr: not answered in that copy
  const dr::Value* b = nullptr;
};

// Every question (profile fields too) whose answer differs between `a` and `b`, in the survey's
// order; the values point into `a` and `b`. Empty when the answers are the same (then only the
// times or the scores differ: `other_than_answers` says so).
std::vector<AnswerDifference> answer_differences(const dr::Result& a, const dr::Result& b);
bool other_than_answers(const dr::Result& a, const dr::Result& b);

}  // namespace app
