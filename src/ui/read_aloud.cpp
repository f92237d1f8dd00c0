// Read aloud on the results screen: the button and the words (app/speech.cpp decides what is said).
#include "app/speech.hpp"
#include "ui/app.hpp"
#include "ui/semantics.hpp"
#include "ui/widgets.hpp"

namespace ui {

app::Speech result_speech(App& app) {
  const Session& ss = app.session();
  return app::result_speech(*ss.survey, ss.scores, app.strings(),
                            {app.t("results.title"), app.t("results.level"), app.t("results.advice")});
}

void listen_to_results(App& app) {
  if (button("results.listen", app.t("a11y.listen"), ButtonStyle::Quiet))
    SemanticsBridge::speak(result_speech(app));
}

}  // namespace ui
