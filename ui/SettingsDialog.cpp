// SPDX-License-Identifier: GPL-3.0-or-later
#include "SettingsDialog.h"

#include "AccountDialog.h"
#include "accounts/AccountStore.h"
#include "accounts/PasswordProvider.h"
#include "accounts/SecretStore.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QVBoxLayout>

namespace poplar::ui {

namespace {

constexpr int AccountIdRole = Qt::UserRole + 1;

QString describe(const Account &a)
{
    const QString login = a.user + QLatin1Char('@') + a.host;
    if (a.name.isEmpty() || a.name == login)
        return login;
    return QCoreApplication::translate("poplar::ui::SettingsDialog", "%1 — %2").arg(a.name, login);
}

} // namespace

SettingsDialog::SettingsDialog(AccountStore &accounts, SecretStore &secrets, QWidget *parent)
    : QDialog(parent)
    , m_accounts(accounts)
    , m_secrets(secrets)
{
    setWindowTitle(tr("Settings"));

    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("accountList"));
    m_list->setAccessibleName(tr("Accounts"));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);

    m_add = new QPushButton(tr("&Add…"), this);
    m_add->setObjectName(QStringLiteral("addButton"));
    m_edit = new QPushButton(tr("&Edit…"), this);
    m_edit->setObjectName(QStringLiteral("editButton"));
    m_remove = new QPushButton(tr("&Remove…"), this);
    m_remove->setObjectName(QStringLiteral("removeButton"));
    // The order of the folder tree, as Thunderbird's account list sets it.
    m_moveUp = new QPushButton(tr("Move &Up"), this);
    m_moveUp->setObjectName(QStringLiteral("moveUpButton"));
    m_moveDown = new QPushButton(tr("Move &Down"), this);
    m_moveDown->setObjectName(QStringLiteral("moveDownButton"));
    for (QPushButton *button : {m_add, m_edit, m_remove, m_moveUp, m_moveDown})
        button->setAutoDefault(false);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setObjectName(QStringLiteral("buttonBox"));

    auto *side = new QVBoxLayout;
    side->addWidget(m_add);
    side->addWidget(m_edit);
    side->addWidget(m_remove);
    side->addSpacing(12);
    side->addWidget(m_moveUp);
    side->addWidget(m_moveDown);
    side->addStretch(1);

    auto *row = new QHBoxLayout;
    row->addWidget(m_list, 1);
    row->addLayout(side);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Accounts:"), this));
    layout->addLayout(row, 1);
    layout->addWidget(buttons);

    connect(m_add, &QPushButton::clicked, this, &SettingsDialog::addAccount);
    connect(m_edit, &QPushButton::clicked, this, &SettingsDialog::editAccount);
    connect(m_remove, &QPushButton::clicked, this, &SettingsDialog::removeAccount);
    connect(m_moveUp, &QPushButton::clicked, this, [this] { moveAccount(-1); });
    connect(m_moveDown, &QPushButton::clicked, this, [this] { moveAccount(1); });
    connect(m_list, &QListWidget::itemSelectionChanged, this, &SettingsDialog::updateButtons);
    connect(m_list, &QListWidget::itemActivated, this, &SettingsDialog::editAccount);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    reloadList();
    resize(520, 320);
}

void SettingsDialog::addAccount()
{
    openAccountDialog(Account{}, &SettingsDialog::saveNew);
}

void SettingsDialog::editAccount()
{
    const std::optional<Account> account = m_accounts.account(selectedId());
    if (account)
        openAccountDialog(*account, &SettingsDialog::saveEdited);
}

void SettingsDialog::openAccountDialog(const Account &account, SaveAccount save)
{
    auto *dialog = new AccountDialog(account, this);
    dialog->setSecrets(&m_secrets);
    dialog->setSync(m_sync);
    dialog->setOutbox(m_outbox);
    dialog->setPasswords(m_passwords);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this,
            [this, dialog, save] { (this->*save)(dialog->account(), dialog->password()); });
    dialog->open();
}

void SettingsDialog::removeAccount()
{
    const std::optional<Account> account = m_accounts.account(selectedId());
    if (!account)
        return;
    auto *box = new QMessageBox(
        QMessageBox::Question, tr("Remove Account"),
        tr("Remove account %1? Its downloaded messages are removed from this computer; mail on "
           "the server is not touched.")
            .arg(account->name),
        QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("removeConfirmation"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->button(QMessageBox::Yes)->setText(tr("Remove"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, account = *account](int) {
        if (box->clickedButton() == box->button(QMessageBox::Yes))
            confirmedRemove(account);
    });
    box->open();
}

void SettingsDialog::saveNew(const Account &account, const QString &password)
{
    Result<QString> id = m_accounts.add(account);
    if (!id) {
        showError(tr("Cannot Add Account"), id.error().message());
        return;
    }
    // As stored: the store fills in what was left empty (the name).
    Account added = m_accounts.account(id.value()).value_or(account);
    added.id = id.value();
    keepPassword(added, password);
    reloadList(added.id);
    Q_EMIT accountsChanged();
}

void SettingsDialog::saveEdited(const Account &account, const QString &password)
{
    const std::optional<Account> before = m_accounts.account(account.id);
    if (Status s = m_accounts.update(account); !s) {
        showError(tr("Cannot Save Account"), s.error().message());
        return;
    }
    if (before && before->passwordSource != account.passwordSource) {
        // The old place no longer holds the password: nothing is left behind in it.
        if (before->passwordSource == PasswordSource::Keychain)
            m_secrets.remove(passwordKey(account.id), [](Status) {});
        if (m_passwords)
            m_passwords->forget(account.id);
    }
    keepPassword(account, password);
    reloadList(account.id);
    Q_EMIT accountsChanged();
}

void SettingsDialog::confirmedRemove(const Account &account)
{
    if (Status s = m_accounts.remove(account.id); !s) {
        showError(tr("Cannot Remove Account"), s.error().message());
        return;
    }
    if (account.passwordSource == PasswordSource::Keychain) {
        // A password left behind is harmless to the account list; say so, but go on.
        QPointer<SettingsDialog> self(this);
        m_secrets.remove(passwordKey(account.id), [self, account](Status s) {
            if (self && !s && s.error().code != Error::Code::NotFound)
                self->showError(tr("Keychain"),
                                tr("The password of \"%1\" could not be removed from the system "
                                   "keychain:\n%2")
                                    .arg(account.name, s.error().message()));
        });
    }
    reloadList();
    Q_EMIT accountRemoved(account.id);
    Q_EMIT accountsChanged();
}

void SettingsDialog::keepPassword(const Account &account, const QString &password)
{
    if (password.isEmpty())
        return;
    switch (account.passwordSource) {
    case PasswordSource::Keychain:
        storePassword(account, password);
        break;
    case PasswordSource::Ask: // memory only, for this session
        if (m_passwords)
            m_passwords->remember(account.id, password);
        break;
    case PasswordSource::Command:
        break;
    }
}

void SettingsDialog::storePassword(const Account &account, const QString &password)
{
    QPointer<SettingsDialog> self(this);
    m_secrets.write(passwordKey(account.id), password, [self, account, password](Status s) {
        if (!self || s)
            return;
        // Not lost for this session, and said as it is: nothing is stored.
        if (self->m_passwords)
            self->m_passwords->remember(account.id, password);
        self->showError(tr("Keychain"),
                        tr("The account \"%1\" was saved, but the system keychain did not "
                           "take its password:\n%2\n\nNothing is stored. Poplar keeps the "
                           "password in memory until it quits and asks for it after that. "
                           "Edit the account to choose \"Ask when checking mail\" or a "
                           "password command instead.")
                            .arg(account.name, s.error().message()));
    });
}

void SettingsDialog::reloadList(const QString &selectId)
{
    const QString keep = selectId.isEmpty() ? selectedId() : selectId;
    m_list->clear();
    for (const Account &a : m_accounts.accounts()) {
        auto *item = new QListWidgetItem(describe(a), m_list);
        item->setData(AccountIdRole, a.id);
        if (a.id == keep)
            m_list->setCurrentItem(item);
    }
    if (!m_list->currentItem() && m_list->count() > 0)
        m_list->setCurrentRow(0);
    updateButtons();
}

void SettingsDialog::moveAccount(int steps)
{
    const QString id = selectedId();
    if (id.isEmpty())
        return;
    if (Status s = m_accounts.move(id, steps); !s) {
        showError(tr("Cannot Move Account"), s.error().message());
        return;
    }
    reloadList(id);
    Q_EMIT accountsChanged();
}

void SettingsDialog::updateButtons()
{
    const bool selected = !selectedId().isEmpty();
    m_edit->setEnabled(selected);
    m_remove->setEnabled(selected);
    const int row = m_list->currentRow();
    m_moveUp->setEnabled(selected && row > 0);
    m_moveDown->setEnabled(selected && row >= 0 && row < m_list->count() - 1);
}

QString SettingsDialog::selectedId() const
{
    const QList<QListWidgetItem *> items = m_list->selectedItems();
    return items.isEmpty() ? QString() : items.first()->data(AccountIdRole).toString();
}

void SettingsDialog::showError(const QString &title, const QString &text)
{
    auto *box = new QMessageBox(QMessageBox::Warning, title, text, QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("settingsError"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

} // namespace poplar::ui
