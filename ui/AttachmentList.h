// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mime/MessageBuilder.h"

#include <QListWidget>

class QMimeData;

namespace poplar::ui {

/// The composer's attachments: each with its name and size, added from files (the file
/// dialog, or dropped on the composer) or given (a forwarded message), removed with Delete.
/// Files are read when added (on a pool thread: the window never waits on the disk), so what
/// is sent is what was chosen, even if the file changes later. GUI thread.
class AttachmentList : public QListWidget {
    Q_OBJECT

public:
    /// Files larger than this are refused: mail servers take far less anyway.
    static constexpr qint64 maxFileBytes = 64 * 1024 * 1024;

    explicit AttachmentList(QWidget *parent = nullptr);

    [[nodiscard]] const QList<mime::OutgoingAttachment> &attachments() const { return m_items; }
    void setAttachments(const QList<mime::OutgoingAttachment> &attachments);
    /// Reads and adds these files; changed() follows, and a file that cannot be read is
    /// named in failed().
    void addFiles(const QStringList &paths);
    /// Files are being read: what attachments() says is not yet all.
    [[nodiscard]] bool isReading() const { return m_reading > 0; }
    /// Removes the selected attachments.
    void removeSelected();

    /// The local files a drag carries (empty: it carries none).
    [[nodiscard]] static QStringList localFiles(const QMimeData *data);

Q_SIGNALS:
    void changed();
    void failed(const QString &message);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void append(const mime::OutgoingAttachment &attachment);

    QList<mime::OutgoingAttachment> m_items;
    int m_reading = 0;
};

} // namespace poplar::ui
