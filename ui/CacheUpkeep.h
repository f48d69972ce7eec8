// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFuture>
#include <QObject>
#include <QPointer>
#include <QSqlDatabase>
#include <QString>

#include <memory>

class QWidget;

namespace poplar::ui {

/// Work on the cache file that must never hold the window, each on a pool thread with a
/// connection of its own: bringing the stored sort keys to a new language (after Poplar
/// starts in another one), and giving the space of a large deletion back to the disk, which
/// the user is offered, not imposed. That runs in short steps (CacheCompactor::giveBack),
/// so the window's and the sync's writes never wait long; a cache made before that was
/// possible is compacted whole instead, at Poplar's next start, before the window opens
/// (compactAtStartIfAsked). Stops what it runs when it goes. GUI thread.
class CacheUpkeep : public QObject {
    Q_OBJECT

public:
    /// Below this much unused space in the file, compacting is not offered.
    static constexpr qint64 offerFromBytes = 64LL * 1024 * 1024;

    /// `dialogParent` is where the offer is shown.
    CacheUpkeep(QString cachePath, QWidget *dialogParent, QObject *parent = nullptr);
    ~CacheUpkeep() override;

    /// Re-keys sort keys left in another language, in batches, if any are.
    void refreshSortKeys();
    /// After a large deletion: measures the unused space, and if it is worth giving back,
    /// offers to compact (compactionOffered), compacting if the user agrees.
    void considerCompacting();
    /// Gives the unused space back now (or, in an old cache, asks for it at the next
    /// start), without asking.
    void compact();
    /// At start, before the window opens: compacts the cache whole if the user asked for it
    /// (an old cache, see above), behind a busy dialog. Returns a line for the status bar,
    /// or an empty one when nothing was asked.
    /// `gui` is the GUI thread's connection to the cache at `cachePath` (it only reads).
    [[nodiscard]] static QString compactAtStartIfAsked(const QSqlDatabase &gui,
                                                       const QString &cachePath);
    /// Offers compacting from this much unused space (offerFromBytes unless set).
    void setOfferFrom(qint64 bytes) { m_offerFrom = bytes; }
    /// For tests: answer the offer with this instead of asking.
    void setAnswerForTests(bool compact) { m_testAnswer = compact ? 1 : 0; }

    [[nodiscard]] bool isCompacting() const { return m_compacting; }
    [[nodiscard]] bool isRefreshing() const { return m_refreshing; }

Q_SIGNALS:
    /// Sort keys were re-keyed and every one is now in the cache's language: lists sorted by
    /// sender or subject can be read again in the right order.
    void sortKeysRefreshed();
    /// The offer is on the screen (or was answered for a test), for so many unused bytes.
    void compactionOffered(qint64 unusedBytes);
    /// One line for the status bar: space was given back, or will be at the next start.
    void compacted(const QString &notice);
    void failed(const QString &message);

private:
    void ask(qint64 unusedBytes, bool inSteps);
    void giveBack();
    void compactAtNextStart();

    struct Shared; ///< what the pool threads and this object both reach
    QString m_cachePath;
    QPointer<QWidget> m_dialogParent;
    std::shared_ptr<Shared> m_shared;
    QFuture<void> m_refresh;
    QFuture<void> m_compaction;
    bool m_refreshing = false;
    bool m_compacting = false;
    bool m_measuring = false;
    bool m_inSteps = true; ///< the cache can give space back in steps (not an old one)
    int m_testAnswer = -1;
    qint64 m_offerFrom = offerFromBytes;
};

} // namespace poplar::ui
