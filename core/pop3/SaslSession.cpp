// SPDX-License-Identifier: GPL-3.0-or-later
#include "pop3/SaslSession.h"

#include <gsasl.h>

#include <algorithm>

namespace poplar::pop3 {

namespace {

/// `sentence` has a %1 for GNU SASL's own words on `rc`.
Error saslError(const QString &sentence, int rc)
{
    return {Error::Code::Auth, sentence.arg(QString::fromUtf8(gsasl_strerror(rc))), {}};
}

/// Whether a SCRAM server-first message ("r=...,s=...,i=N") asks for more than the cap.
bool asksTooManyIterations(const QByteArray &challengeBase64)
{
    const QByteArray message = QByteArray::fromBase64(challengeBase64);
    for (const QByteArray &attribute : message.split(',')) {
        if (!attribute.startsWith("i="))
            continue;
        quint64 count = 0;
        for (qsizetype i = 2;
             i < attribute.size() && attribute.at(i) >= '0' && attribute.at(i) <= '9'; ++i)
            count = std::min(count * 10 + quint64(attribute.at(i) - '0'),
                             SaslSession::maxScramIterations + 1);
        if (count > SaslSession::maxScramIterations)
            return true;
    }
    return false;
}

} // namespace

struct SaslSession::Handles {
    Gsasl *context = nullptr;
    Gsasl_session *session = nullptr;
    ~Handles()
    {
        if (session)
            gsasl_finish(session);
        if (context)
            gsasl_done(context);
    }
};

SaslSession::SaslSession(std::unique_ptr<Handles> handles)
    : m_handles(std::move(handles))
{}

SaslSession::~SaslSession() = default;

bool SaslSession::supports(const QByteArray &mechanism)
{
    Handles h;
    if (gsasl_init(&h.context) != GSASL_OK)
        return false;
    return gsasl_client_support_p(h.context, mechanism.constData()) != 0;
}

Result<std::unique_ptr<SaslSession>> SaslSession::start(const QByteArray &mechanism,
                                                        const QString &user, const QString &secret,
                                                        const QString &host,
                                                        const QByteArray &service)
{
    auto handles = std::make_unique<Handles>();
    if (int rc = gsasl_init(&handles->context); rc != GSASL_OK)
        return saslError(tr("GNU SASL could not start: %1"), rc);
    if (int rc = gsasl_client_start(handles->context, mechanism.constData(), &handles->session);
        rc != GSASL_OK)
        return saslError(tr("The login method is not available: %1"), rc);
    const QByteArray userUtf8 = user.toUtf8();
    QByteArray secretUtf8 = secret.toUtf8();
    const QByteArray hostUtf8 = host.toUtf8();
    gsasl_property_set(handles->session, GSASL_AUTHID, userUtf8.constData());
    gsasl_property_set(handles->session, GSASL_PASSWORD, secretUtf8.constData());
    gsasl_property_set(handles->session, GSASL_SERVICE, service.constData());
    gsasl_property_set(handles->session, GSASL_HOSTNAME, hostUtf8.constData());
    secretUtf8.fill('\0');
    return std::unique_ptr<SaslSession>(new SaslSession(std::move(handles)));
}

Result<QByteArray> SaslSession::step(const QByteArray &challengeBase64)
{
    if (QByteArrayView(gsasl_mechanism_name(m_handles->session)).startsWith("SCRAM-") &&
        asksTooManyIterations(challengeBase64))
        return saslError(tr("The login exchange failed: %1"), GSASL_MECHANISM_PARSE_ERROR);
    char *output = nullptr;
    const int rc = gsasl_step64(m_handles->session, challengeBase64.constData(), &output);
    const QByteArray response(output ? output : "");
    gsasl_free(output);
    if (rc == GSASL_OK) {
        m_complete = true;
        return response;
    }
    if (rc == GSASL_NEEDS_MORE)
        return response;
    return saslError(tr("The login exchange failed: %1"), rc);
}

QByteArray oauthInitialResponse(const QByteArray &mechanism, const QString &user,
                                const QString &token, const QString &host, quint16 port)
{
    QByteArray raw;
    if (mechanism == "XOAUTH2") {
        raw = "user=" + user.toUtf8() +
              "\x01"
              "auth=Bearer " +
              token.toUtf8() + "\x01\x01";
    } else { // OAUTHBEARER, RFC 7628 §3.1
        raw = "n,a=" + user.toUtf8().replace('=', "=3D").replace(',', "=2C") +
              ",\x01"
              "host=" +
              host.toUtf8() +
              "\x01"
              "port=" +
              QByteArray::number(port) +
              "\x01"
              "auth=Bearer " +
              token.toUtf8() + "\x01\x01";
    }
    return raw.toBase64();
}

} // namespace poplar::pop3
