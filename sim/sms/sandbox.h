// Webhooks of the sandbox: flows call "kalan:..." URLs that are answered inside the simulation
// (find the competent service, record a report and open its case, relay follow-up), never the network.
#pragma once
#include <vector>

#include "core/event.h"
#include "sms/engine.h"

namespace kalan {

struct State;

// Answers a flow's webhook call for `contact`. Effects on the state (a new case, a report) happen here.
flows::WebhookResponse sandbox_webhook(State& state, const flows::FlowContact& contact, const flows::WebhookRequest& req,
                                       bool record, std::vector<Event>& events);

}  // namespace kalan
