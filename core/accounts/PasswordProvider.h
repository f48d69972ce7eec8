// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "accounts/Account.h"
#include "util/Error.h"

#include <QHash>
#include <QObject>

#include <functional>
#include <optional>

namespace poplar {

class SecretStore;

/// Gets an account's password without blocking: from the keychain, as the first line a
/// password command prints (run with /bin/sh -c, bounded by a timeout), or from what the
/// user typed this session (kept in memory only). When the keychain has none or cannot be
/// reached, or an "ask" account has none yet, it asks the user through the prompt the GUI
/// installs; without one (poplarctl) the error says which choices there are. An answer the
/// user asks to remember for a keychain account the keychain has no password for goes into
/// the keychain (an imported account is asked once); nothing else is written anywhere.
class PasswordProvider : public QObject {
    Q_OBJECT

public:
    using Callback = std::function<void(Result<QString>)>;

    /// What the user answered a prompt: the password, and whether to keep it for the session.
    struct Answer {
        QString password;
        bool remember = true;
    };
    using AnswerCallback = std::function<void(std::optional<Answer>)>;
    /// Asks the user for an account's password; `reason` says why (empty: the account asks
    /// every session). Answers with nullopt when the user declines.
    using Prompt =
        std::function<void(const Account &account, const QString &reason, AnswerCallback)>;

    /// `secrets` must outlive this object.
    explicit PasswordProvider(SecretStore &secrets, QObject *parent = nullptr);

    void fetch(const Account &account, Callback done);
    /// Runs a password command as fetch() would for an account that uses it.
    void runCommand(const QString &command, Callback done);

    /// Who asks the user; an empty prompt (the default) means nobody can.
    void setPrompt(Prompt prompt) { m_prompt = std::move(prompt); }
    /// Keeps `password` in memory for the account until quit (or forget()).
    void remember(const QString &accountId, const QString &password);
    void forget(const QString &accountId);
    [[nodiscard]] bool remembers(const QString &accountId) const
    {
        return m_session.contains(accountId);
    }

    /// How long a password command may take (it may ask for a passphrase).
    void setCommandTimeout(int ms) { m_commandTimeoutMs = ms; }

private:
    /// `keepInKeychain`: a remembered answer is also written to the keychain (it answered
    /// that it has no password for the account).
    void ask(const Account &account, const QString &reason, Callback done,
             bool keepInKeychain = false);

    SecretStore &m_secrets;
    Prompt m_prompt;
    QHash<QString, QString> m_session; ///< account id -> password typed this session
    int m_commandTimeoutMs = 120'000;
};

} // namespace poplar
