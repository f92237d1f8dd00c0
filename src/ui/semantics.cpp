#include "ui/semantics.hpp"

#include <utility>

#include "platform/platform.hpp"
#include "ui/widgets.hpp"

namespace ui {

SemanticsBridge::SemanticsBridge(std::function<void()> wake, std::function<void()> no_voice) {
  platform::SemanticsEvents events;
  events.activate = [wake = std::move(wake)](const std::string& id, bool reveal_only) {
    if (reveal_only) reveal_widget(id);
    else activate_widget(id);
    if (wake) wake();
  };
  events.no_voice = std::move(no_voice);
  platform::set_semantics_handler(std::move(events));
}

void SemanticsBridge::speak(const app::Speech& sp) {
  // Lines and marks joined by the unit separator (never in survey text): lang, line, mark, line...
  std::string all = sp.lang;
  for (std::size_t i = 0; i < sp.lines.size(); ++i) all += "\x1f" + sp.lines[i] + "\x1f" + sp.marks[i];
  platform::speak(all);
}

void SemanticsBridge::publish(const std::string& lang) {
  std::string now = semantics_json();
  now += lang;  // a change of language alone changes <html lang>
  if (now == sent_) return;
  sent_ = std::move(now);
  platform::publish_semantics(std::string_view(sent_).substr(0, sent_.size() - lang.size()), lang);
}

}  // namespace ui
