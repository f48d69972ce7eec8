// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLatin1String>

/// The keys the main window keeps in poplar.ini, under [window], in one place.
namespace poplar::ui::keys {

inline constexpr QLatin1String windowGroup{"window"};
inline constexpr QLatin1String geometry{"geometry"};
inline constexpr QLatin1String state{"state"};
inline constexpr QLatin1String folderSplitter{"folderSplitter"};
inline constexpr QLatin1String messageSplitter{"messageSplitter"};
inline constexpr QLatin1String listHeader{"listHeader"};
inline constexpr QLatin1String workOffline{"workOffline"};
inline constexpr QLatin1String threaded{"threaded"};
/// When the last check without an error ended (UTC, ISO 8601), told after a restart too.
inline constexpr QLatin1String lastGoodCheck{"lastGoodCheck"};

} // namespace poplar::ui::keys
