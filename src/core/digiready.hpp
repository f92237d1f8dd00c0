// Everything the UI and CLI need from the core.
#pragma once
#include "core/catalog.hpp"
#include "core/engine.hpp"
#include "core/fold.hpp"
#include "core/importer.hpp"
#include "core/result.hpp"
#include "core/scoring.hpp"
#include "core/strings.hpp"
#include "core/survey.hpp"
#include "core/text.hpp"
#include "core/value.hpp"
