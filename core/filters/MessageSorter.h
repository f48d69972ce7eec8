// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "filters/FilterRules.h"
#include "junk/JunkClassifier.h"

#include <optional>

namespace poplar::store {
struct IncomingMessage;
}

namespace poplar::filters {

/// Decides where a message from a server goes before it is stored, so that it is inserted
/// straight into its folder in the transaction that stores it: junk by the server's verdict
/// (JunkVerdict) to the account's Junk folder, then junk by the adaptive classifier's score
/// (junk::JunkClassifier, when it gave one) there too, anything else where the user's rules
/// (null: none) place it, with their flags. Imported mail (it has its local folder already) is left
/// alone. Runs on the cache writer's thread.
class MessageSorter {
public:
    explicit MessageSorter(std::shared_ptr<const FilterRules> rules)
        : m_rules(std::move(rules))
    {}

    /// `score`: what the junk classifier said of this message; nullopt when it was not asked
    /// (not trained) or could not answer, and then only the server's verdict counts.
    void sort(store::IncomingMessage &message,
              const std::optional<junk::JunkScore> &score = std::nullopt) const;
    /// Whether sort() would consult a classifier's score for this message: mail from a
    /// server, not imported into a local folder.
    [[nodiscard]] static bool isClassified(const store::IncomingMessage &message);
    /// Sets a stored message's placement fields from an outcome (also for filters run on a
    /// folder later).
    static void apply(const FilterOutcome &outcome, store::IncomingMessage &message);

private:
    std::shared_ptr<const FilterRules> m_rules;
};

} // namespace poplar::filters
