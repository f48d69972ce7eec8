// SPDX-License-Identifier: GPL-3.0-or-later
// Every login method against the real Dovecot, over each security mode.
#include "CtlTest.h"

#include <QFile>

#include <gtest/gtest.h>

namespace poplar::test {

namespace {

struct LoginCase {
    const char *auth;        ///< --auth value
    const char *security;    ///< --security value
    const char *expectInLog; ///< the redacted line that shows which method ran
};

class LoginMethodTest : public CtlTest, public ::testing::WithParamInterface<LoginCase> {
protected:
    QByteArray syncLog(const QString &password, int expectedExit)
    {
        const LoginCase &c = GetParam();
        const QString security = QString::fromLatin1(c.security);
        const quint16 port =
            security == QLatin1String("tls") ? server().tlsPort() : server().plainPort();
        addAccount(security, port, true,
                   {QStringLiteral("--auth"), QString::fromLatin1(c.auth),
                    QStringLiteral("--password-command"), passwordCommand(password)});
        const QString log = m_profile.filePath(QStringLiteral("protocol.log"));
        const CtlRun r = ctl({QStringLiteral("sync"), QStringLiteral("--log"), log});
        EXPECT_EQ(r.exitCode, expectedExit)
            << r.err.toStdString() << server().logText().toStdString();
        m_stderr = r.err;
        QFile f(log);
        EXPECT_TRUE(f.open(QIODevice::ReadOnly));
        return f.readAll();
    }
    QByteArray m_stderr;
};

TEST_P(LoginMethodTest, LogsInAndDownloads)
{
    server().addMessage(
        makeMessage(QStringLiteral("Hi"), QStringLiteral("b@example.org"), QStringLiteral("x\n")));
    const QByteArray log = syncLog(server().password(), 0);
    EXPECT_TRUE(log.contains(GetParam().expectInLog)) << log.toStdString();
    EXPECT_FALSE(log.contains(server().password().toUtf8())) << "the password reached the log";
    EXPECT_EQ(listJson().size(), 1);
}

TEST_P(LoginMethodTest, WrongPasswordIsAnAuthenticationError)
{
    const QByteArray log = syncLog(QStringLiteral("wrong-password"), 1);
    EXPECT_TRUE(m_stderr.contains("rejected the password")) << m_stderr.toStdString();
    EXPECT_FALSE(log.contains("wrong-password"));
}

INSTANTIATE_TEST_SUITE_P(
    Dovecot, LoginMethodTest,
    ::testing::Values(LoginCase{"user", "tls", "C: PASS ********"},
                      LoginCase{"plain", "tls", "C: AUTH PLAIN ********"},
                      LoginCase{"login", "starttls", "C: AUTH LOGIN"},
                      LoginCase{"cram-md5", "none", "C: AUTH CRAM-MD5"},
                      LoginCase{"apop", "none", "C: APOP alice ********"},
                      LoginCase{"scram-sha-1", "tls", "C: AUTH SCRAM-SHA-1 ********"},
                      LoginCase{"scram-sha-256", "starttls", "C: AUTH SCRAM-SHA-256 ********"},
                      LoginCase{"auto", "tls", "C: AUTH SCRAM-SHA-256 ********"},
                      LoginCase{"auto", "starttls", "C: AUTH SCRAM-SHA-256 ********"}),
    [](const ::testing::TestParamInfo<LoginCase> &info) {
        std::string name = std::string(info.param.auth) + "_" + info.param.security;
        std::erase(name, '-'); // gtest names allow only letters, digits and '_'
        return name;
    });

} // namespace

} // namespace poplar::test
