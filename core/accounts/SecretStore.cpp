// SPDX-License-Identifier: GPL-3.0-or-later
#include "accounts/SecretStore.h"

#include <QCoreApplication>

#include <qt6keychain/keychain.h>

namespace poplar {

namespace {

const QString service = QStringLiteral("poplar");

Error keychainError(const QKeychain::Job *job)
{
    return {Error::Code::Config,
            QCoreApplication::translate("poplar::SecretStore",
                                        "The system keychain cannot be reached: %1")
                .arg(job->errorString()),
            {}};
}

} // namespace

void SecretStore::probe(WriteCallback done)
{
    read(QStringLiteral("poplar-probe"), [done = std::move(done)](Result<QString> answer) {
        done(answer || isNotFound(answer.error()) ? Status{} : Status{answer.error()});
    });
}

QString passwordKey(const QString &accountId)
{
    return QStringLiteral("account-") + accountId;
}

void KeychainSecretStore::read(const QString &key, ReadCallback done)
{
    auto *job = new QKeychain::ReadPasswordJob(service); // deletes itself when finished
    job->setKey(key);
    QObject::connect(job, &QKeychain::Job::finished, [done = std::move(done)](QKeychain::Job *j) {
        auto *readJob = static_cast<QKeychain::ReadPasswordJob *>(j);
        if (readJob->error() == QKeychain::EntryNotFound) {
            done(Error{Error::Code::NotFound,
                       QCoreApplication::translate(
                           "poplar::SecretStore",
                           "No password is stored in the system keychain for this account"),
                       {}});
        } else if (readJob->error() != QKeychain::NoError) {
            done(keychainError(readJob));
        } else {
            done(readJob->textData());
        }
    });
    job->start();
}

void KeychainSecretStore::write(const QString &key, const QString &secret, WriteCallback done)
{
    auto *job = new QKeychain::WritePasswordJob(service);
    job->setKey(key);
    job->setTextData(secret);
    QObject::connect(job, &QKeychain::Job::finished, [done = std::move(done)](QKeychain::Job *j) {
        done(j->error() == QKeychain::NoError ? Status{} : Status{keychainError(j)});
    });
    job->start();
}

void KeychainSecretStore::remove(const QString &key, WriteCallback done)
{
    auto *job = new QKeychain::DeletePasswordJob(service);
    job->setKey(key);
    QObject::connect(job, &QKeychain::Job::finished, [done = std::move(done)](QKeychain::Job *j) {
        const bool ok = j->error() == QKeychain::NoError || j->error() == QKeychain::EntryNotFound;
        done(ok ? Status{} : Status{keychainError(j)});
    });
    job->start();
}

} // namespace poplar
