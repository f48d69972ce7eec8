<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ProviderPresets</name>
    <message>
        <source>Use an app password (made in the account&apos;s security settings, with 2-step verification on), not your usual password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch POP on in Gmail&apos;s settings (Forwarding and POP/IMAP), and use an app password made in your Google Account&apos;s security settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Microsoft accepts only OAuth 2.0 sign-in for POP: choose XOAUTH2 and a password command that prints an access token. Switch POP on in Outlook&apos;s settings (Mail &gt; Forwarding and IMAP).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch POP3 on in the web mail&apos;s settings and use the authorisation code (授权码) it gives you as the password, not your login password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch POP3 on in the web mail&apos;s settings first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This provider offers no POP3 access, so Poplar cannot fetch its mail.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>A fast, light and safe POP3 mail reader.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep accounts, settings and mail in DIR.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DIR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Poplar cannot start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Damaged mail cache</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1

Poplar can move the damaged file aside (it is kept) and start with an empty cache. Mail still on your servers is downloaded again.

Move it aside and continue?</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>poplar::pop3::ConnectionTest</name>
    <message>
        <source>1 message (%1) waits on the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n messages (%1) wait on the server.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The server deletes messages once they are downloaded (EXPIRE 0), whatever &quot;Leave messages on the server&quot; says.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The server deletes downloaded messages after %n days.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The server allows a check only every %n minutes.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>SSL/TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no encryption</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logged in to %1 with %2 over %3.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>poplar::ui::AccountDialog</name>
    <message>
        <source>Add Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shown in the folder list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>you@example.org</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>pop.example.org</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SSL/TLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your password and mail will cross the network unencrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Given by a password command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic (strongest offered)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password (USER/PASS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OAuth 2.0 (XOAUTH2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OAuth 2.0 (OAUTHBEARER)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log in and leave again, without downloading or deleting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> KB</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Larger messages come as headers only; download the rest when you open them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave messages on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete from the server when deleted here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check for new mail at start-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Account &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;E-mail address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Incoming server (POP3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Se&amp;curity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Login method:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail on the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete from the server &amp;after:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download only headers &amp;above:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking for mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check &amp;every:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: settings filled in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type the password to test the connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;top Test</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The certificate is trusted for this account; testing again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>poplar::ui::CertificateDialog</name>
    <message>
        <source>Untrusted Certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>it could not be verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;The certificate of %1 is not trusted: %2.&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone may be pretending to be the server. Trust this certificate only if you know the server uses it, for example because its fingerprint matches the one your provider or administrator gave you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued to:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Valid:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from %1 to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA-256 fingerprint:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Trust This Certificate</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>poplar::ui::FolderTree</name>
    <message>
        <source>Inbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1@%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Local Folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail imported from mbox files and Maildirs</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>poplar::ui::MailActions</name>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the selected messages to Trash (Del)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore to Inbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the selected messages out of Trash, back to the Inbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty &amp;Trash…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the messages in this account&apos;s Trash from this computer for good</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These messages are in Trash already; Empty Trash deletes them for good.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Moved %n message(s) to Trash.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Moved %n message(s) back to the Inbox.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Local Folders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The Trash of %1 is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete the %n message(s) in the Trash of %1 from this computer for good?</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>This cannot be undone. Copies still on the server stay there and are not downloaded again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Deleted %n message(s) from Trash.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>poplar::ui::MailTransfer</name>
    <message>
        <source>Import &amp;mbox File…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the messages of an mbox file into a local folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Mail&amp;dir…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the messages of a Maildir into a local folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save Message As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the message as an .eml file, byte for byte as received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export Folder as mbox…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write every message of the folder shown to an mbox file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Trash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import mbox File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mbox files (*.mbox *.mbx);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Maildir</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save Message As</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail messages (*.eml);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Folder as mbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mbox files (*.mbox);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Imported %n message(s) into %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n already there</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>; %n skipped</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Saved the message to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n message(s) to %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>poplar::ui::MainWindow</name>
    <message>
        <source>Poplar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Get Messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Download new mail for every account (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search the messages of this folder (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Protocol Log…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the last check said to each server, without passwords, to copy into a bug report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No accounts yet — open Settings to add one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloaded the rest of the message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: no new messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: 1 new message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 new messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1, %2 unread</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>poplar::ui::MessageListModel</name>
    <message>
        <source>(no subject)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 &lt;%2&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message has no date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (only partly downloaded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>poplar::ui::MessageView</name>
    <message>
        <source>To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cc:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select a message to read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no date)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(unnamed %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attachments: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 remote resource was not loaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 remote resources were not loaded.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>poplar::ui::PartialMessageBar</name>
    <message>
        <source>Download the Rest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only the headers of this message were downloaded: the whole message is %1, over the account&apos;s size limit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account this message came from no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is being checked; try again when it is done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>poplar::ui::ProtocolLogDialog</name>
    <message>
        <source>Protocol Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What Poplar and the server said during the last check of this account. Passwords and tokens are left out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There are no accounts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No check of this account since Poplar started.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>poplar::ui::SearchBar</name>
    <message>
        <source>Search messages (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finds words in the subject, the addresses and the text; Escape clears</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>poplar::ui::SettingsDialog</name>
    <message>
        <source>%1 — %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accounts:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove account %1? Its downloaded messages are removed from this computer; mail on the server is not touched.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot Add Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot Save Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot Remove Account</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keychain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password of &quot;%1&quot; could not be removed from the system keychain:
%2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account &quot;%1&quot; was saved, but its password could not be stored in the system keychain:
%2

Poplar will ask the keychain for it when checking mail; edit the account to try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>poplar::ui::SyncProgressPanel</name>
    <message>
        <source>%1 of %2 messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2, %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop checking %1 (what was received is kept)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: stopping…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
