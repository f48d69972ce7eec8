<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>MessageBuilder</name>
    <message>
        <source>The message has no sender address</source>
        <translation>邮件没有发件人地址</translation>
    </message>
    <message>
        <source>The message has no recipient</source>
        <translation>邮件没有收件人</translation>
    </message>
    <message>
        <source>A header of the message (an address, the subject or a file name) contains a line break</source>
        <translation>邮件的某个邮件头（地址、主题或文件名）含有换行符</translation>
    </message>
    <message>
        <source>The message could not be written</source>
        <translation>无法写出邮件</translation>
    </message>
</context>
<context>
    <name>ProviderPresets</name>
    <message>
        <source>Use an app password (made in the account&apos;s security settings, with 2-step verification on), not your usual password.</source>
        <translation>请使用应用专用密码（需先开启两步验证，在账户的安全设置中生成），而不是平时的登录密码。</translation>
    </message>
    <message>
        <source>Switch POP on in Gmail&apos;s settings (Forwarding and POP/IMAP), and use an app password made in your Google Account&apos;s security settings.</source>
        <translation>请先在 Gmail 设置（“转发和 POP/IMAP”）中开启 POP，并使用在 Google 账号安全设置中生成的应用专用密码。</translation>
    </message>
    <message>
        <source>Microsoft accepts only OAuth 2.0 sign-in for POP: choose XOAUTH2 and a password command that prints an access token. Switch POP on in Outlook&apos;s settings (Mail &gt; Forwarding and IMAP).</source>
        <translation>Microsoft 的 POP 仅支持 OAuth 2.0 登录：请选择 XOAUTH2，并使用可输出访问令牌的密码命令。另需在 Outlook 设置（“邮件 &gt; 转发和 IMAP”）中开启 POP。</translation>
    </message>
    <message>
        <source>Switch POP3 on in the web mail&apos;s settings and use the authorisation code (授权码) it gives you as the password, not your login password.</source>
        <translation>请先在网页版邮箱的设置中开启 POP3 服务，然后将其提供的授权码作为密码填写，而不是登录密码。</translation>
    </message>
    <message>
        <source>Switch POP3 on in the web mail&apos;s settings first.</source>
        <translation>请先在网页版邮箱的设置中开启 POP3 服务。</translation>
    </message>
    <message>
        <source>This provider offers no POP3 access, so Poplar cannot fetch its mail.</source>
        <translation>该邮箱服务商不提供 POP3 访问，Poplar 无法收取其邮件。</translation>
    </message>
</context>
<context>
    <name>ReplyBuilder</name>
    <message>
        <source>an unknown date</source>
        <translation>未知日期</translation>
    </message>
    <message>
        <source>Forwarded message</source>
        <translation>转发的邮件</translation>
    </message>
    <message>
        <source>-------- Forwarded Message --------</source>
        <translation>-------- 转发的邮件 --------</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>主题：%1</translation>
    </message>
    <message>
        <source>Date: %1</source>
        <translation>日期：%1</translation>
    </message>
    <message>
        <source>From: %1</source>
        <translation>发件人：%1</translation>
    </message>
    <message>
        <source>To: %1</source>
        <translation>收件人：%1</translation>
    </message>
    <message>
        <source>Cc: %1</source>
        <translation>抄送：%1</translation>
    </message>
    <message>
        <source>On %1, %2 wrote:</source>
        <translation>%2 于 %1 写道：</translation>
    </message>
</context>
<context>
    <name>SmtpClient</name>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>The outgoing server does not offer the login method %1 (it offers: %2). Choose &quot;auto&quot; in the account settings.</source>
        <translation>发件服务器不提供登录方式 %1（它提供：%2）。请在账户设置中选择“自动”。</translation>
    </message>
    <message>
        <source>The outgoing server offers no login method Poplar can use (it offers: %1)</source>
        <translation>发件服务器没有提供 Poplar 能使用的登录方式（它提供：%1）</translation>
    </message>
</context>
<context>
    <name>SmtpParser</name>
    <message>
        <source>The server sent a line that is too long</source>
        <translation>服务器发送了过长的一行</translation>
    </message>
    <message>
        <source>The server sent something that is not an SMTP reply: &quot;%1&quot;</source>
        <translation>服务器发送的内容不是 SMTP 回复：“%1”</translation>
    </message>
    <message>
        <source>The server changed its reply code within one reply</source>
        <translation>服务器在同一条回复中改变了回复代码</translation>
    </message>
    <message>
        <source>The server sent a reply without end</source>
        <translation>服务器发送了一条没有结尾的回复</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>A fast, light and safe POP3 mail reader.</source>
        <translation>快速、轻巧、安全的 POP3 邮件阅读器。</translation>
    </message>
    <message>
        <source>Keep accounts, settings and mail in DIR.</source>
        <translation>将账户、设置和邮件保存在 DIR 目录中。</translation>
    </message>
    <message>
        <source>DIR</source>
        <translation>DIR</translation>
    </message>
    <message>
        <source>Poplar cannot start</source>
        <translation>Poplar 无法启动</translation>
    </message>
    <message>
        <source>Damaged mail cache</source>
        <translation>邮件缓存已损坏</translation>
    </message>
    <message>
        <source>%1

Poplar can move the damaged file aside (it is kept) and start with an empty cache. Mail still on your servers is downloaded again.

Move it aside and continue?</source>
        <translation>%1

Poplar 可以将损坏的文件移到一旁（文件会保留），并以空缓存启动。仍在服务器上的邮件将重新下载。

是否移开该文件并继续？</translation>
    </message>
    <message>
        <source>Message files (.eml) to show.</source>
        <translation>要显示的邮件文件（.eml）。</translation>
    </message>
    <message>
        <source>Open Message</source>
        <translation>打开邮件</translation>
    </message>
    <message>
        <source>a second launch cannot reach this one: %1</source>
        <translation>再次启动的 Poplar 将无法联系到本实例：%1</translation>
    </message>
</context>
<context>
    <name>poplar::AccountStore</name>
    <message>
        <source>Cannot write the settings file %1</source>
        <translation>无法写入设置文件 %1</translation>
    </message>
    <message>
        <source>The server name is empty</source>
        <translation>服务器名称为空</translation>
    </message>
    <message>
        <source>The server name &quot;%1&quot; is not a host name</source>
        <translation>服务器名称“%1”不是有效的主机名</translation>
    </message>
    <message>
        <source>The port must be between 1 and 65535</source>
        <translation>端口必须介于 1 到 65535 之间</translation>
    </message>
    <message>
        <source>The user name is empty</source>
        <translation>用户名为空</translation>
    </message>
    <message>
        <source>The user name contains a line break</source>
        <translation>用户名中包含换行符</translation>
    </message>
    <message>
        <source>The password command is empty</source>
        <translation>密码命令为空</translation>
    </message>
    <message>
        <source>Days and size limits cannot be negative</source>
        <translation>天数和大小限制不能为负数</translation>
    </message>
    <message>
        <source>There is no account %1</source>
        <translation>不存在账户 %1</translation>
    </message>
    <message>
        <source>The sender name and addresses cannot contain a line break</source>
        <translation>发件人姓名和地址不能含有换行符</translation>
    </message>
    <message>
        <source>The outgoing server name &quot;%1&quot; is not a host name</source>
        <translation>发件服务器名称“%1”不是主机名</translation>
    </message>
    <message>
        <source>The outgoing server&apos;s port must be between 1 and 65535</source>
        <translation>发件服务器的端口必须介于 1 到 65535 之间</translation>
    </message>
    <message>
        <source>The outgoing server&apos;s user name contains a line break</source>
        <translation>发件服务器的用户名含有换行符</translation>
    </message>
    <message>
        <source>The outgoing server&apos;s password command is empty</source>
        <translation>发件服务器的密码命令为空</translation>
    </message>
    <message>
        <source>Sending mail needs the sender&apos;s e-mail address</source>
        <translation>发送邮件需要发件人的电子邮件地址</translation>
    </message>
</context>
<context>
    <name>poplar::Error</name>
    <message>
        <source>%1 (server said: %2)</source>
        <translation>%1（服务器回复：%2）</translation>
    </message>
</context>
<context>
    <name>poplar::PasswordProvider</name>
    <message>
        <source>The account &quot;%1&quot; asks for its password when checking mail, and nobody can be asked here.</source>
        <translation>账户“%1”设置为收取邮件时询问密码，但此处无法询问。</translation>
    </message>
    <message>
        <source>No password for the account &quot;%1&quot;: %2.</source>
        <translation>账户“%1”没有密码：%2。</translation>
    </message>
    <message>
        <source>Choose where its password comes from: the system keychain (when one runs: poplarctl account add --password-keychain), a password command (--password-command CMD), or &quot;Ask when checking mail&quot; in Poplar&apos;s account settings.</source>
        <translation>请选择密码的来源：系统钥匙串（需有钥匙串服务在运行：poplarctl account add --password-keychain）、密码命令（--password-command CMD），或在 Poplar 的账户设置中选择“收取邮件时询问”。</translation>
    </message>
    <message>
        <source>No password was given</source>
        <translation>未提供密码</translation>
    </message>
    <message>
        <source>The password command could not start: %1</source>
        <translation>无法启动密码命令：%1</translation>
    </message>
    <message>
        <source>The password command printed nothing</source>
        <translation>密码命令没有任何输出</translation>
    </message>
    <message numerus="yes">
        <source>The password command did not finish within %n seconds</source>
        <translation>
            <numerusform>密码命令未在 %n 秒内结束</numerusform>
        </translation>
    </message>
    <message>
        <source>The password command failed (exit code %1)</source>
        <translation>密码命令执行失败（退出码 %1）</translation>
    </message>
    <message>
        <source>The password command failed (exit code %1): %2</source>
        <translation>密码命令执行失败（退出码 %1）：%2</translation>
    </message>
</context>
<context>
    <name>poplar::Profile</name>
    <message>
        <source>Cannot create the folder %1</source>
        <translation>无法创建文件夹 %1</translation>
    </message>
    <message>
        <source>Cannot create the lock file %1: %2</source>
        <translation>无法创建锁文件 %1：%2</translation>
    </message>
    <message>
        <source>Poplar is already running on this profile (process %1). Close it first, or use another --profile.</source>
        <translation>Poplar 已在使用此配置文件运行（进程 %1）。请先关闭它，或用 --profile 指定其他配置文件。</translation>
    </message>
    <message>
        <source>Poplar is already running on this profile. Close it first, or use another --profile.</source>
        <translation>Poplar 已在使用此配置文件运行。请先关闭它，或用 --profile 指定其他配置文件。</translation>
    </message>
</context>
<context>
    <name>poplar::SecretStore</name>
    <message>
        <source>The system keychain cannot be reached: %1</source>
        <translation>无法访问系统钥匙串：%1</translation>
    </message>
    <message>
        <source>No password is stored in the system keychain for this account</source>
        <translation>系统钥匙串中没有保存此账户的密码</translation>
    </message>
</context>
<context>
    <name>poplar::filters::FilterFile</name>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1, line %2: %3</source>
        <translation>%1，第 %2 行：%3</translation>
    </message>
    <message>
        <source>%1, line %2, column %3: %4</source>
        <translation>%1，第 %2 行第 %3 列：%4</translation>
    </message>
    <message numerus="yes">
        <source>The file is larger than %n KB</source>
        <translation>
            <numerusform>文件大于 %n KB</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot read the file: %1</source>
        <translation>无法读取文件：%1</translation>
    </message>
    <message>
        <source>The file is not UTF-8 text</source>
        <translation>文件不是 UTF-8 文本</translation>
    </message>
</context>
<context>
    <name>poplar::filters::FilterRules</name>
    <message>
        <source>&apos;require&apos; must come before every rule</source>
        <translation>&apos;require&apos; 必须写在所有规则之前</translation>
    </message>
    <message>
        <source>&apos;require&apos; takes one string list</source>
        <translation>&apos;require&apos; 只接受一个字符串列表</translation>
    </message>
    <message>
        <source>Poplar does not support the Sieve extension &quot;%1&quot;</source>
        <translation>Poplar 不支持 Sieve 扩展 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; without an &apos;if&apos; before it</source>
        <translation>&apos;%1&apos; 前面缺少 &apos;if&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; takes no test and no block</source>
        <translation>&apos;%1&apos; 不接受测试，也不接受代码块</translation>
    </message>
    <message>
        <source>&apos;%1&apos; takes no arguments</source>
        <translation>&apos;%1&apos; 不接受参数</translation>
    </message>
    <message>
        <source>&apos;fileinto&apos; needs require &quot;fileinto&quot; at the top of the script</source>
        <translation>使用 &apos;fileinto&apos; 需要在脚本开头写 require &quot;fileinto&quot;</translation>
    </message>
    <message>
        <source>&apos;fileinto&apos; takes one folder name</source>
        <translation>&apos;fileinto&apos; 只接受一个文件夹名</translation>
    </message>
    <message>
        <source>The folder name is empty</source>
        <translation>文件夹名为空</translation>
    </message>
    <message>
        <source>&apos;addflag&apos; needs require &quot;imap4flags&quot; at the top of the script</source>
        <translation>使用 &apos;addflag&apos; 需要在脚本开头写 require &quot;imap4flags&quot;</translation>
    </message>
    <message>
        <source>&apos;addflag&apos; takes one list of flags</source>
        <translation>&apos;addflag&apos; 只接受一个标记列表</translation>
    </message>
    <message>
        <source>Poplar does not know the command &apos;%1&apos;</source>
        <translation>Poplar 不认识命令 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; takes exactly one test</source>
        <translation>&apos;%1&apos; 只接受一个测试</translation>
    </message>
    <message>
        <source>&apos;else&apos; takes no test</source>
        <translation>&apos;else&apos; 不接受测试</translation>
    </message>
    <message>
        <source>&apos;%1&apos; needs a block in braces</source>
        <translation>&apos;%1&apos; 需要一个用花括号括起的代码块</translation>
    </message>
    <message>
        <source>The test &apos;%1&apos; takes no arguments</source>
        <translation>测试 &apos;%1&apos; 不接受参数</translation>
    </message>
    <message>
        <source>The test &apos;%1&apos; takes no tests</source>
        <translation>测试 &apos;%1&apos; 不接受子测试</translation>
    </message>
    <message>
        <source>&apos;not&apos; takes one test</source>
        <translation>&apos;not&apos; 只接受一个测试</translation>
    </message>
    <message>
        <source>&apos;%1&apos; takes a list of tests in parentheses</source>
        <translation>&apos;%1&apos; 需要一个用圆括号括起的测试列表</translation>
    </message>
    <message>
        <source>&apos;size&apos; takes :over or :under and a number</source>
        <translation>&apos;size&apos; 需要 :over 或 :under 以及一个数字</translation>
    </message>
    <message>
        <source>&apos;exists&apos; takes one list of header names</source>
        <translation>&apos;exists&apos; 只接受一个邮件头名称列表</translation>
    </message>
    <message>
        <source>&apos;envelope&apos; cannot be used: mail fetched over POP3 has no envelope</source>
        <translation>不能使用 &apos;envelope&apos;：通过 POP3 收取的邮件没有信封信息</translation>
    </message>
    <message>
        <source>Poplar does not know the test &apos;%1&apos;</source>
        <translation>Poplar 不认识测试 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>&apos;%1&apos; takes no number</source>
        <translation>&apos;%1&apos; 不接受数字</translation>
    </message>
    <message>
        <source>The tag :%1 must come before the header names</source>
        <translation>标签 :%1 必须写在邮件头名称之前</translation>
    </message>
    <message>
        <source>Only one match type is allowed</source>
        <translation>只允许一种匹配方式</translation>
    </message>
    <message>
        <source>Only one address part is allowed</source>
        <translation>只允许一种地址部分</translation>
    </message>
    <message>
        <source>:comparator takes one comparator name</source>
        <translation>:comparator 只接受一个比较器名称</translation>
    </message>
    <message>
        <source>Poplar does not support the comparator &quot;%1&quot;</source>
        <translation>Poplar 不支持比较器 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>The test &apos;%1&apos; does not take :%2</source>
        <translation>测试 &apos;%1&apos; 不接受 :%2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; takes a list of header names and a list of keys</source>
        <translation>&apos;%1&apos; 需要一个邮件头名称列表和一个关键字列表</translation>
    </message>
</context>
<context>
    <name>poplar::filters::FilterRun</name>
    <message>
        <source>Trash</source>
        <translation>废纸篓</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>收件箱</translation>
    </message>
</context>
<context>
    <name>poplar::filters::FilterScriptCodec</name>
    <message>
        <source>The rule&apos;s name cannot hold a line break</source>
        <translation>规则名称不能包含换行</translation>
    </message>
    <message>
        <source>The rule has no action</source>
        <translation>规则没有任何动作</translation>
    </message>
    <message>
        <source>A size cannot be negative</source>
        <translation>大小不能为负数</translation>
    </message>
    <message>
        <source>A condition&apos;s text cannot hold a line break</source>
        <translation>条件中的文字不能包含换行</translation>
    </message>
    <message>
        <source>A condition names no header</source>
        <translation>条件没有指定邮件头</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a header name</source>
        <translation>“%1”不是邮件头名称</translation>
    </message>
    <message>
        <source>Choose the folder to move to</source>
        <translation>请选择要移入的文件夹</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>第 %1 行：%2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; cannot be a tag&apos;s keyword: a keyword is one word</source>
        <translation>“%1”不能作为标签的关键字：关键字只能是一个词</translation>
    </message>
</context>
<context>
    <name>poplar::filters::JunkVerdict</name>
    <message>
        <source>Junk: you marked it so</source>
        <translation>垃圾邮件：由你标记</translation>
    </message>
    <message>
        <source>Junk: the server said so (%1)</source>
        <translation>垃圾邮件：服务器如此判定（%1）</translation>
    </message>
    <message>
        <source>Junk by Poplar&apos;s filter (spamicity %1)</source>
        <translation>Poplar 的过滤器判为垃圾邮件（垃圾概率 %1）</translation>
    </message>
</context>
<context>
    <name>poplar::filters::SieveParser</name>
    <message>
        <source>A tag needs a name after the colon</source>
        <translation>标签的冒号后需要名称</translation>
    </message>
    <message>
        <source>Unexpected character &apos;%1&apos;</source>
        <translation>意外的字符 &apos;%1&apos;</translation>
    </message>
    <message>
        <source>A comment is never closed</source>
        <translation>注释没有结束</translation>
    </message>
    <message>
        <source>The number is too large</source>
        <translation>数字太大</translation>
    </message>
    <message>
        <source>A string is never closed (a quote is missing)</source>
        <translation>字符串没有结束（缺少引号）</translation>
    </message>
    <message>
        <source>&quot;text:&quot; must end its line</source>
        <translation>&quot;text:&quot; 之后必须换行</translation>
    </message>
    <message>
        <source>A &quot;text:&quot; string never ends (a line with only &quot;.&quot; is missing)</source>
        <translation>&quot;text:&quot; 字符串没有结束（缺少只含 &quot;.&quot; 的一行）</translation>
    </message>
    <message>
        <source>the end of the script</source>
        <translation>脚本末尾</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>字符串</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <source>Blocks are nested too deeply</source>
        <translation>代码块嵌套太深</translation>
    </message>
    <message>
        <source>Expected a command, found %1</source>
        <translation>此处应为命令，却是 %1</translation>
    </message>
    <message>
        <source>A block opened on line %1 is never closed</source>
        <translation>第 %1 行开始的代码块没有结束</translation>
    </message>
    <message>
        <source>Expected &apos;;&apos; or &apos;{&apos; after the command &apos;%1&apos;, found %2</source>
        <translation>命令 &apos;%1&apos; 之后应为 &apos;;&apos; 或 &apos;{&apos;，却是 %2</translation>
    </message>
    <message>
        <source>Expected &apos;,&apos; or &apos;)&apos; in a list of tests, found %1</source>
        <translation>测试列表中应为 &apos;,&apos; 或 &apos;)&apos;，却是 %1</translation>
    </message>
    <message>
        <source>Tests are nested too deeply</source>
        <translation>测试嵌套太深</translation>
    </message>
    <message>
        <source>Expected a test, found %1</source>
        <translation>此处应为测试，却是 %1</translation>
    </message>
    <message>
        <source>Expected a string in a list, found %1</source>
        <translation>列表中应为字符串，却是 %1</translation>
    </message>
    <message>
        <source>Expected &apos;,&apos; or &apos;]&apos; in a string list, found %1</source>
        <translation>字符串列表中应为 &apos;,&apos; 或 &apos;]&apos;，却是 %1</translation>
    </message>
    <message>
        <source>&apos;}&apos; without a block to close</source>
        <translation>&apos;}&apos; 没有对应的代码块</translation>
    </message>
</context>
<context>
    <name>poplar::importer::ClawsProfile</name>
    <message>
        <source>No %1 settings were found in %2 (there is no accountrc)</source>
        <translation>在 %2 中没有找到 %1 的设置（没有 accountrc）</translation>
    </message>
    <message>
        <source>The account &quot;%1&quot; is not imported: Poplar reads mail over POP3.</source>
        <translation>账户“%1”未导入：Poplar 通过 POP3 收信。</translation>
    </message>
    <message>
        <source>The MH mailbox %1 was not found: no folders are imported.</source>
        <translation>没有找到 MH 邮箱 %1：不导入任何文件夹。</translation>
    </message>
    <message>
        <source>%1 keeps every account&apos;s mail in one shared inbox: it is imported as the local folder &quot;inbox&quot;, and what each account downloaded is recorded so that nothing is fetched again.</source>
        <translation>%1 把所有账户的邮件放在同一个共享收件箱里：它被导入为本地文件夹“inbox”，并记录每个账户已下载的邮件，因此不会再次下载。</translation>
    </message>
    <message>
        <source>Passwords are not copied: Poplar asks for each account&apos;s password once, when it first checks mail, and keeps it in the system keychain.</source>
        <translation>密码不会被复制：Poplar 在第一次收信时向每个账户询问一次密码，并把它保存在系统钥匙环中。</translation>
    </message>
</context>
<context>
    <name>poplar::importer::EvolutionProfile</name>
    <message>
        <source>No Evolution mail was found in %1 (there is neither %2 nor %3)</source>
        <translation>在 %1 中没有找到 Evolution 的邮件（既没有 %2，也没有 %3）</translation>
    </message>
    <message>
        <source>The account &quot;%1&quot; is not imported: Poplar reads mail over POP3.</source>
        <translation>账户“%1”未导入：Poplar 通过 POP3 收信。</translation>
    </message>
    <message>
        <source>it was switched off in Evolution</source>
        <translation>它在 Evolution 中已被停用</translation>
    </message>
    <message>
        <source>Evolution&apos;s local mail (%1) was not found: no folders are imported.</source>
        <translation>没有找到 Evolution 的本地邮件（%1）：不导入任何文件夹。</translation>
    </message>
    <message>
        <source>Evolution keeps every POP3 account&apos;s mail in the one Inbox &quot;On This Computer&quot;: it is imported as the local folder &quot;Inbox&quot;, and what each account downloaded is recorded so that nothing is fetched again.</source>
        <translation>Evolution 把所有 POP3 账户的邮件都放在“本机”（On This Computer）的同一个收件箱里：它被导入为本地文件夹“Inbox”，并记录每个账户已下载过的邮件，因此不会再次下载任何邮件。</translation>
    </message>
    <message>
        <source>Evolution keeps the names and colours of labels of your own in its settings database, which is not read: such a label arrives as a tag named by its keyword, in grey.</source>
        <translation>Evolution 把您自建标签的名称和颜色保存在它的设置数据库中，该数据库不会被读取：这样的标签会以其关键字为名、以灰色作为标签导入。</translation>
    </message>
    <message>
        <source>Passwords are not copied: Poplar asks for each account&apos;s password once, when it first checks mail, and keeps it in the system keychain.</source>
        <translation>密码不会被复制：Poplar 在第一次收信时向每个账户询问一次密码，并把它保存在系统钥匙环中。</translation>
    </message>
</context>
<context>
    <name>poplar::importer::MboxReader</name>
    <message>
        <source>%1 does not exist</source>
        <translation>%1 不存在</translation>
    </message>
    <message>
        <source>%1 is a folder, not an mbox file</source>
        <translation>%1 是文件夹，不是 mbox 文件</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not an mbox file: its first line does not start with &quot;From &quot;</source>
        <translation>%1 不是 mbox 文件：它的第一行不是以“From ”开头</translation>
    </message>
    <message>
        <source>the file ends in the middle of a line</source>
        <translation>文件在一行的中间结束</translation>
    </message>
    <message>
        <source>the file ends inside the message&apos;s header</source>
        <translation>文件在邮件头中间结束</translation>
    </message>
    <message>
        <source>the file ends before the message&apos;s last MIME part is closed</source>
        <translation>文件在邮件最后一个 MIME 部分结束之前就结束了</translation>
    </message>
    <message>
        <source>larger than %1 MB, skipped</source>
        <translation>大于 %1 MB，已跳过</translation>
    </message>
</context>
<context>
    <name>poplar::importer::MessageFile</name>
    <message>
        <source>larger than %1 MB, skipped</source>
        <translation>大于 %1 MB，已跳过</translation>
    </message>
    <message>
        <source>cannot be read (%1), skipped</source>
        <translation>无法读取（%1），已跳过</translation>
    </message>
</context>
<context>
    <name>poplar::importer::ProfileImporter</name>
    <message>
        <source>%1: the outgoing server %2 is left out (%3).</source>
        <translation>%1：发件服务器 %2 未导入（%3）。</translation>
    </message>
    <message>
        <source>The account &quot;%1&quot; was not imported: %2</source>
        <translation>账户“%1”未导入：%2</translation>
    </message>
    <message>
        <source>Cannot start a transaction</source>
        <translation>无法开始事务</translation>
    </message>
    <message>
        <source>Cannot record what was downloaded</source>
        <translation>无法记录已下载的邮件</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: it reads mail without encryption, as it did in %2; its password crosses the network readable. Choose TLS or STARTTLS in its settings if the server offers it.</source>
        <translation>%1：它像在 %2 中一样不加密收信；它的密码以可读的形式在网络上传输。如果服务器支持，请在它的设置中选择 TLS 或 STARTTLS。</translation>
    </message>
    <message>
        <source>message %1 (line %2)</source>
        <translation>第 %1 封邮件（第 %2 行）</translation>
    </message>
    <message>
        <source>message %1</source>
        <translation>第 %1 封邮件</translation>
    </message>
    <message>
        <source>%1, %2: %3</source>
        <translation>%1，%2：%3</translation>
    </message>
    <message>
        <source>empty, skipped</source>
        <translation>为空，已跳过</translation>
    </message>
    <message>
        <source>Cannot keep a message&apos;s read state</source>
        <translation>无法保存邮件的已读状态</translation>
    </message>
    <message>
        <source>%1: the mbox %2 is cut off in message %3 (line %4, byte %5): %6. The messages before it were imported; that one was left out.</source>
        <translation>%1：mbox 文件 %2 在第 %3 封邮件处被截断（第 %4 行，第 %5 字节）：%6。它之前的邮件都已导入；这封邮件未导入。</translation>
    </message>
    <message>
        <source>Tags carried over: %1</source>
        <translation>已带入的标签：%1</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n message(s) deleted in %2 were still to be deleted on the server at its next check. Poplar deletes on the server only mail it holds, so they stay there (delete them with the provider&apos;s webmail if you wish); they will not be downloaded again.</source>
        <translation>
            <numerusform>%1：在 %2 中已删除的 %n 封邮件本应在下次收信时从服务器上删除。Poplar 只删除服务器上它自己保存着的邮件，因此它们会留在服务器上（如有需要，请用邮件服务商的网页邮箱删除）；它们不会被再次下载。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>poplar::importer::ThunderbirdProfile</name>
    <message>
        <source>No Thunderbird profile was found (looked in %1)</source>
        <translation>没有找到 Thunderbird 配置文件（查找了 %1）</translation>
    </message>
    <message>
        <source>%1 is not a Thunderbird profile: it has neither prefs.js nor profiles.ini</source>
        <translation>%1 不是 Thunderbird 配置文件：其中既没有 prefs.js 也没有 profiles.ini</translation>
    </message>
    <message>
        <source>The account %1 names no server and is left out.</source>
        <translation>账户 %1 没有指定服务器，未导入。</translation>
    </message>
    <message>
        <source>It signs in with OAuth2: give it a password command that prints an access token (poplarctl account edit ID --password-command CMD).</source>
        <translation>它使用 OAuth2 登录：请为它设置一个输出访问令牌的密码命令（poplarctl account edit ID --password-command CMD）。</translation>
    </message>
    <message>
        <source>Thunderbird delivered its mail into Local Folders&apos; Inbox; it is imported there, and new mail goes to this account&apos;s Inbox.</source>
        <translation>Thunderbird 把它的邮件放进了“本地文件夹”的收件箱；这些邮件导入到那里，新邮件则进入此账户的收件箱。</translation>
    </message>
    <message>
        <source>Its HTML signature is not carried over (Poplar writes plain text).</source>
        <translation>它的 HTML 签名未导入（Poplar 写纯文本邮件）。</translation>
    </message>
    <message>
        <source>%1 is not a Thunderbird profile: it has no prefs.js</source>
        <translation>%1 不是 Thunderbird 配置文件：其中没有 prefs.js</translation>
    </message>
    <message>
        <source>The %1 account &quot;%2&quot; is not imported: Poplar reads mail over POP3.</source>
        <translation>%1 账户“%2”未导入：Poplar 通过 POP3 收信。</translation>
    </message>
    <message>
        <source>Passwords are not copied: Poplar asks for each account&apos;s password once, when it first checks mail, and keeps it in the system keychain.</source>
        <translation>密码不会被复制：Poplar 在第一次收信时向每个账户询问一次密码，并把它保存在系统钥匙环中。</translation>
    </message>
</context>
<context>
    <name>poplar::junk::JunkClassifier</name>
    <message>
        <source>Poplar&apos;s junk filter gave an answer it cannot read</source>
        <translation>Poplar 的垃圾邮件过滤器给出了无法读取的回答</translation>
    </message>
    <message>
        <source>Poplar&apos;s junk filter answered for %1 of %2 messages</source>
        <translation>Poplar 的垃圾邮件过滤器只回答了 %2 封邮件中的 %1 封</translation>
    </message>
    <message>
        <source>Poplar&apos;s junk filter needs bogofilter, which could not be started (is the bogofilter package installed?)</source>
        <translation>Poplar 的垃圾邮件过滤器需要 bogofilter，但它无法启动（是否已安装 bogofilter 软件包？）</translation>
    </message>
    <message>
        <source>Poplar&apos;s junk filter took too long and was stopped</source>
        <translation>Poplar 的垃圾邮件过滤器用时过长，已被停止</translation>
    </message>
    <message>
        <source>Poplar&apos;s junk filter failed</source>
        <translation>Poplar 的垃圾邮件过滤器出错</translation>
    </message>
</context>
<context>
    <name>poplar::junk::JunkTraining</name>
    <message>
        <source>Cannot read the messages to mark as junk</source>
        <translation>无法读取要标记为垃圾邮件的邮件</translation>
    </message>
    <message>
        <source>Cannot mark messages as junk</source>
        <translation>无法将邮件标记为垃圾邮件</translation>
    </message>
</context>
<context>
    <name>poplar::mime::AttachmentFiles</name>
    <message>
        <source>The folder %1 does not exist.</source>
        <translation>文件夹 %1 不存在。</translation>
    </message>
    <message>
        <source>Too many files named %1 in %2.</source>
        <translation>%2 中名为 %1 的文件过多。</translation>
    </message>
    <message>
        <source>Refusing to write outside %1.</source>
        <translation>拒绝写入 %1 以外的位置。</translation>
    </message>
</context>
<context>
    <name>poplar::mime::BodyWalker</name>
    <message>
        <source>The HTML of this message is too large or too deeply nested to show; its source is shown as text.</source>
        <translation>此邮件的 HTML 过大或嵌套过深，无法显示；现以文本形式显示其源代码。</translation>
    </message>
    <message>
        <source>-------- Attached message --------</source>
        <translation>-------- 附加的邮件 --------</translation>
    </message>
    <message>
        <source>From: %1</source>
        <translation>发件人：%1</translation>
    </message>
    <message>
        <source>Date: %1</source>
        <translation>日期：%1</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>主题：%1</translation>
    </message>
    <message numerus="yes">
        <source>The message has more than %n parts; the rest is not shown.</source>
        <translation>
            <numerusform>此邮件包含超过 %n 个部分；其余部分未显示。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The message is nested more than %n levels deep; the deeper parts are not shown.</source>
        <translation>
            <numerusform>此邮件的嵌套超过 %n 层；更深层的部分未显示。</numerusform>
        </translation>
    </message>
    <message>
        <source>This message is encrypted; its content cannot be shown.</source>
        <translation>此邮件已加密，无法显示其内容。</translation>
    </message>
    <message>
        <source>This message is signed in a form that could not be read.</source>
        <translation>此邮件采用了无法读取的签名格式。</translation>
    </message>
    <message>
        <source>The attachments are larger than %1 MB together; the rest cannot be opened or saved.</source>
        <translation>附件总大小超过 %1 MB；其余附件无法打开或保存。</translation>
    </message>
    <message>
        <source>The HTML is too deep or too large; part of its layout was dropped.</source>
        <translation>HTML 嵌套过深或内容过大；已舍弃部分版式。</translation>
    </message>
</context>
<context>
    <name>poplar::mime::MessageRenderer</name>
    <message>
        <source>The message could not be read as MIME; shown as raw text.</source>
        <translation>无法按 MIME 格式读取此邮件；现以原始文本显示。</translation>
    </message>
</context>
<context>
    <name>poplar::mime::MessageRepair</name>
    <message>
        <source>Lines before the header were skipped.</source>
        <translation>已跳过邮件头之前的几行。</translation>
    </message>
    <message>
        <source>The message has no header; its text is shown as is.</source>
        <translation>此邮件没有邮件头；其文本按原样显示。</translation>
    </message>
    <message numerus="yes">
        <source>The message declares more than %n multipart boundaries; the parts past them are not read.</source>
        <translation>
            <numerusform>此邮件声明了超过 %n 个多部分边界；超出的部分未被读取。</numerusform>
        </translation>
    </message>
    <message>
        <source>A malformed header block was repaired.</source>
        <translation>已修复格式错误的邮件头。</translation>
    </message>
</context>
<context>
    <name>poplar::mime::TextParts</name>
    <message>
        <source>Unknown character set &quot;%1&quot;; the text was guessed.</source>
        <translation>未知字符集“%1”；文本编码是推测的。</translation>
    </message>
    <message>
        <source>A text part is longer than %1 MB; only the start is shown.</source>
        <translation>某个文本部分超过 %1 MB；仅显示开头部分。</translation>
    </message>
</context>
<context>
    <name>poplar::pop3::ConnectionTest</name>
    <message>
        <source>1 message (%1) waits on the server.</source>
        <translation>服务器上有 1 封邮件（%1）等待收取。</translation>
    </message>
    <message numerus="yes">
        <source>%n messages (%1) wait on the server.</source>
        <translation>
            <numerusform>服务器上有 %n 封邮件（%1）等待收取。</numerusform>
        </translation>
    </message>
    <message>
        <source>The server deletes messages once they are downloaded (EXPIRE 0), whatever &quot;Leave messages on the server&quot; says.</source>
        <translation>无论是否勾选“在服务器上保留邮件”，服务器都会在邮件下载后将其删除（EXPIRE 0）。</translation>
    </message>
    <message numerus="yes">
        <source>The server deletes downloaded messages after %n days.</source>
        <translation>
            <numerusform>服务器会在邮件下载 %n 天后将其删除。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The server allows a check only every %n minutes.</source>
        <translation>
            <numerusform>服务器只允许每 %n 分钟检查一次新邮件。</numerusform>
        </translation>
    </message>
    <message>
        <source>SSL/TLS</source>
        <translation>SSL/TLS</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>no encryption</source>
        <translation>未加密</translation>
    </message>
    <message>
        <source>Logged in to %1 with %2 over %3.</source>
        <translation>已使用 %2 登录 %1（%3）。</translation>
    </message>
</context>
<context>
    <name>poplar::pop3::LoginMethod</name>
    <message>
        <source>The server does not offer the login method %1 (it offers no SASL method). Choose &quot;auto&quot; in the account settings.</source>
        <translation>服务器不提供登录方式 %1（它不提供任何 SASL 方式）。请在账户设置中选择“自动”。</translation>
    </message>
    <message>
        <source>The server does not offer the login method %1 (it offers SASL: %2). Choose &quot;auto&quot; in the account settings.</source>
        <translation>服务器不提供登录方式 %1（它提供的 SASL 方式为：%2）。请在账户设置中选择“自动”。</translation>
    </message>
    <message>
        <source>The server does not support APOP (its greeting has no timestamp). Choose &quot;auto&quot; in the account settings.</source>
        <translation>服务器不支持 APOP（其问候语中没有时间戳）。请在账户设置中选择“自动”。</translation>
    </message>
</context>
<context>
    <name>poplar::pop3::Pop3Client</name>
    <message>
        <source>: another program is using this mailbox right now (another mail reader or a phone?). Poplar will try again later.</source>
        <translation>：另一个程序正在使用此邮箱（其他邮件程序或手机？）。Poplar 稍后会重试。</translation>
    </message>
    <message>
        <source>: the server allows a login only every few minutes. Poplar will try again later.</source>
        <translation>：服务器每隔几分钟才允许登录一次。Poplar 稍后会重试。</translation>
    </message>
    <message>
        <source>: the server has a temporary problem. Try again later.</source>
        <translation>：服务器出现临时故障。请稍后重试。</translation>
    </message>
    <message>
        <source>: the server has a lasting problem with this account. Contact your provider.</source>
        <translation>：服务器上此账户存在持续性问题。请联系您的邮箱服务商。</translation>
    </message>
    <message>
        <source>: the user name or password is wrong.</source>
        <translation>：用户名或密码错误。</translation>
    </message>
    <message>
        <source>The server %1 closed the connection unexpectedly</source>
        <translation>服务器 %1 意外关闭了连接</translation>
    </message>
    <message numerus="yes">
        <source>Connecting to %1:%2 timed out after %n seconds</source>
        <translation>
            <numerusform>连接 %1:%2 超时（已等待 %n 秒）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The server %1 did not answer within %n seconds</source>
        <translation>
            <numerusform>服务器 %1 在 %n 秒内没有应答</numerusform>
        </translation>
    </message>
    <message>
        <source>The server refused the connection</source>
        <translation>服务器拒绝了连接</translation>
    </message>
    <message>
        <source>The server %1 does not offer STARTTLS, so Poplar stopped before sending your password. Choose SSL/TLS, or ask the provider.</source>
        <translation>服务器 %1 不支持 STARTTLS，因此 Poplar 在发送密码之前就停止了。请选择 SSL/TLS，或咨询邮箱服务商。</translation>
    </message>
    <message>
        <source>The server %1 refused STARTTLS; nothing was sent in the clear</source>
        <translation>服务器 %1 拒绝了 STARTTLS；没有以明文发送任何内容</translation>
    </message>
    <message>
        <source>Refusing to log in over an unencrypted connection</source>
        <translation>拒绝通过未加密的连接登录</translation>
    </message>
    <message>
        <source>The server rejected the password for &quot;%1&quot;</source>
        <translation>服务器拒绝了用户“%1”的密码</translation>
    </message>
    <message>
        <source>The server refused the login for &quot;%1&quot;</source>
        <translation>服务器拒绝了用户“%1”的登录</translation>
    </message>
    <message>
        <source> (tried %1)</source>
        <translation>（已尝试 %1）</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source> (tried %1, then the server closed the connection)</source>
        <translation>（已尝试 %1，随后服务器关闭了连接）</translation>
    </message>
    <message>
        <source>The server %1 accepted the login without proving it knows the password (SCRAM); Poplar stopped.</source>
        <translation>服务器 %1 接受了登录，却没有证明它知道密码（SCRAM）；Poplar 已停止。</translation>
    </message>
    <message>
        <source>. The server offers STARTTLS and may accept a login only over an encrypted connection: choose STARTTLS in the account&apos;s settings</source>
        <translation>。服务器支持 STARTTLS，可能只接受加密连接上的登录：请在账户设置中选择 STARTTLS</translation>
    </message>
</context>
<context>
    <name>poplar::pop3::Pop3Listing</name>
    <message>
        <source>The server sent a malformed %1 line</source>
        <translation>服务器发送了格式错误的 %1 行</translation>
    </message>
</context>
<context>
    <name>poplar::pop3::Pop3Parser</name>
    <message>
        <source>The server sent a reply line longer than %1 bytes.</source>
        <translation>服务器发送的回复行超过了 %1 字节。</translation>
    </message>
    <message>
        <source>The server sent data that was not asked for.</source>
        <translation>服务器发送了未请求的数据。</translation>
    </message>
    <message>
        <source>The server sent a reply that is neither +OK nor -ERR: &quot;%1&quot;</source>
        <translation>服务器发送的回复既不是 +OK 也不是 -ERR：“%1”</translation>
    </message>
</context>
<context>
    <name>poplar::pop3::SaslSession</name>
    <message>
        <source>GNU SASL could not start: %1</source>
        <translation>无法启动 GNU SASL：%1</translation>
    </message>
    <message>
        <source>The login method is not available: %1</source>
        <translation>此登录方式不可用：%1</translation>
    </message>
    <message>
        <source>The login exchange failed: %1</source>
        <translation>登录交互失败：%1</translation>
    </message>
</context>
<context>
    <name>poplar::pop3::SocketTransport</name>
    <message>
        <source>expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>not valid yet</source>
        <translation>尚未生效</translation>
    </message>
    <message>
        <source>self-signed</source>
        <translation>自签名</translation>
    </message>
    <message>
        <source>issued for another host</source>
        <translation>颁发给其他主机</translation>
    </message>
    <message>
        <source>from an unknown issuer</source>
        <translation>颁发者未知</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>已吊销</translation>
    </message>
    <message>
        <source>The CA file %1 holds no readable PEM certificate</source>
        <translation>CA 文件 %1 中没有可读取的 PEM 证书</translation>
    </message>
    <message>
        <source>The certificate of %1 is not trusted: it is %2. Certificate: subject &quot;%3&quot;, issuer &quot;%4&quot;, valid %5 to %6, SHA-256 %7.</source>
        <translation>%1 的证书不受信任：%2。证书：颁发给“%3”，颁发者“%4”，有效期 %5 至 %6，SHA-256 指纹 %7。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>The secure connection to %1 failed: %2</source>
        <translation>与 %1 的安全连接失败：%2</translation>
    </message>
    <message>
        <source>Cannot reach %1: %2</source>
        <translation>无法连接到 %1：%2</translation>
    </message>
</context>
<context>
    <name>poplar::smtp::OutboxSession</name>
    <message>
        <source>%1. The connection dropped after the whole message had gone out, so the server may have it: if it is sent again, it may arrive twice.</source>
        <translation>%1。整封邮件发出后连接断开，服务器可能已收到它：如果再次发送，对方可能收到两份。</translation>
    </message>
</context>
<context>
    <name>poplar::smtp::OutboxWorker</name>
    <message>
        <source>The outgoing server %1 answered; it takes mail without a login.</source>
        <translation>发件服务器 %1 已应答；它无需登录即可收信。</translation>
    </message>
    <message>
        <source>The outgoing server %1 took the login (%2).</source>
        <translation>发件服务器 %1 接受了登录（%2）。</translation>
    </message>
</context>
<context>
    <name>poplar::smtp::SmtpClient</name>
    <message>
        <source>The outgoing server %1 is closing the connection</source>
        <translation>发件服务器 %1 正在关闭连接</translation>
    </message>
    <message>
        <source>The outgoing server %1 sent a reply nothing asked for</source>
        <translation>发件服务器 %1 发送了一条无人请求的回复</translation>
    </message>
    <message>
        <source>The outgoing server %1 closed the connection unexpectedly</source>
        <translation>发件服务器 %1 意外关闭了连接</translation>
    </message>
    <message numerus="yes">
        <source>Connecting to %1:%2 timed out after %n seconds</source>
        <translation>
            <numerusform>连接 %1:%2 在 %n 秒后超时</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The outgoing server %1 did not answer within %n seconds</source>
        <translation>
            <numerusform>发件服务器 %1 在 %n 秒内没有应答</numerusform>
        </translation>
    </message>
    <message>
        <source>The outgoing server %1 refused the connection</source>
        <translation>发件服务器 %1 拒绝了连接</translation>
    </message>
    <message>
        <source>The outgoing server %1 refused the greeting</source>
        <translation>发件服务器 %1 拒绝了问候</translation>
    </message>
    <message>
        <source>The outgoing server %1 does not offer STARTTLS, so Poplar stopped before sending your password or your message. Choose SSL/TLS, or ask the provider.</source>
        <translation>发件服务器 %1 不提供 STARTTLS，因此 Poplar 在发送密码或邮件之前就已停止。请选择 SSL/TLS，或咨询服务商。</translation>
    </message>
    <message>
        <source>The outgoing server %1 refused STARTTLS; nothing was sent in the clear</source>
        <translation>发件服务器 %1 拒绝了 STARTTLS；没有任何内容以明文发送</translation>
    </message>
    <message>
        <source>Refusing to log in over an unencrypted connection</source>
        <translation>拒绝通过未加密的连接登录</translation>
    </message>
    <message>
        <source>The outgoing server %1 offers no login (AUTH). Check the port and security settings, or turn the login off if the server takes mail without one.</source>
        <translation>发件服务器 %1 不提供登录（AUTH）。请检查端口和安全设置；如果服务器无需登录即可收信，请关闭登录。</translation>
    </message>
    <message>
        <source>The outgoing server rejected the password for &quot;%1&quot;</source>
        <translation>发件服务器拒绝了“%1”的密码</translation>
    </message>
    <message>
        <source>The outgoing server refused the login for &quot;%1&quot;</source>
        <translation>发件服务器拒绝了“%1”的登录</translation>
    </message>
    <message>
        <source> (tried %1)</source>
        <translation>（已尝试 %1）</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>The message has no recipient</source>
        <translation>邮件没有收件人</translation>
    </message>
    <message>
        <source>The message is %1 KB, more than the outgoing server takes (%2 KB)</source>
        <translation>邮件大小为 %1 KB，超过了发件服务器接受的上限（%2 KB）</translation>
    </message>
    <message>
        <source>The outgoing server cannot send to or from addresses with letters outside ASCII (it does not offer SMTPUTF8)</source>
        <translation>发件服务器无法收发含有非 ASCII 字符的地址（它不提供 SMTPUTF8）</translation>
    </message>
    <message>
        <source>The outgoing server refused the sender address %1</source>
        <translation>发件服务器拒绝了发件人地址 %1</translation>
    </message>
    <message numerus="yes">
        <source>The outgoing server refused %n recipient(s); the message was not sent</source>
        <translation>
            <numerusform>发件服务器拒绝了 %n 个收件人；邮件未发送</numerusform>
        </translation>
    </message>
    <message>
        <source>The outgoing server refused the message</source>
        <translation>发件服务器拒绝了这封邮件</translation>
    </message>
    <message>
        <source>Poplar could not note in the cache that the message is being sent, so it stopped before the server took it</source>
        <translation>Poplar 无法在缓存中记下邮件正在发送，因此在服务器收下它之前就已停止</translation>
    </message>
</context>
<context>
    <name>poplar::store::BulkChanges</name>
    <message>
        <source>Cannot read the messages to change</source>
        <translation>无法读取要更改的邮件</translation>
    </message>
    <message>
        <source>Cannot move the messages</source>
        <translation>无法移动这些邮件</translation>
    </message>
    <message>
        <source>Cannot mark the messages</source>
        <translation>无法标记这些邮件</translation>
    </message>
    <message>
        <source>Cannot flag the messages</source>
        <translation>无法为这些邮件加星标</translation>
    </message>
    <message>
        <source>Cannot delete the messages</source>
        <translation>无法删除这些邮件</translation>
    </message>
    <message>
        <source>Cannot read the messages to delete</source>
        <translation>无法读取要删除的邮件</translation>
    </message>
    <message>
        <source>Cannot count the messages</source>
        <translation>无法统计邮件数量</translation>
    </message>
    <message>
        <source>Cannot remove the account&apos;s download records</source>
        <translation>无法删除该账户的下载记录</translation>
    </message>
    <message>
        <source>Cannot remove the account&apos;s records</source>
        <translation>无法删除该账户的记录</translation>
    </message>
</context>
<context>
    <name>poplar::store::CacheCheck</name>
    <message>
        <source>One message has lost its content: it is listed, but its bytes are not in the cache.</source>
        <translation>有 1 封邮件的内容已丢失：它仍在列表中，但缓存里已没有它的数据。</translation>
    </message>
    <message>
        <source>%1 messages have lost their content: they are listed, but their bytes are not in the cache.</source>
        <translation>有 %1 封邮件的内容已丢失：它们仍在列表中，但缓存里已没有它们的数据。</translation>
    </message>
    <message>
        <source>One stored message belongs to no listed message: it takes space and is shown nowhere.</source>
        <translation>有 1 份已存储的邮件数据不属于列表中的任何邮件：它占用空间，却不会在任何地方显示。</translation>
    </message>
    <message>
        <source>%1 stored messages belong to no listed message: they take space and are shown nowhere.</source>
        <translation>有 %1 份已存储的邮件数据不属于列表中的任何邮件：它们占用空间，却不会在任何地方显示。</translation>
    </message>
    <message>
        <source>One message is not the size it was stored with: its bytes may be damaged.</source>
        <translation>有 1 封邮件的大小与存入时不符：其数据可能已损坏。</translation>
    </message>
    <message>
        <source>%1 messages are not the size they were stored with: their bytes may be damaged.</source>
        <translation>有 %1 封邮件的大小与存入时不符：其数据可能已损坏。</translation>
    </message>
    <message>
        <source>One downloaded message has no download record: the next sync would download it again, as a duplicate.</source>
        <translation>有 1 封已下载的邮件没有下载记录：下次同步会再次下载它，造成重复。</translation>
    </message>
    <message>
        <source>%1 downloaded messages have no download record: the next sync would download them again, as duplicates.</source>
        <translation>有 %1 封已下载的邮件没有下载记录：下次同步会再次下载它们，造成重复。</translation>
    </message>
    <message>
        <source>One message holds only its headers but is recorded as downloaded whole: a deletion policy could delete the server&apos;s copy, the only whole one.</source>
        <translation>有 1 封邮件只有邮件头，却被记录为已完整下载：删除策略可能会删掉服务器上的副本，而那是唯一完整的一份。</translation>
    </message>
    <message>
        <source>%1 messages hold only their headers but are recorded as downloaded whole: a deletion policy could delete the server&apos;s copies, the only whole ones.</source>
        <translation>有 %1 封邮件只有邮件头，却被记录为已完整下载：删除策略可能会删掉服务器上的副本，而那是唯一完整的几份。</translation>
    </message>
    <message>
        <source>One download record is in a state this Poplar does not know.</source>
        <translation>有 1 条下载记录处于本版 Poplar 无法识别的状态。</translation>
    </message>
    <message>
        <source>%1 download records are in a state this Poplar does not know.</source>
        <translation>有 %1 条下载记录处于本版 Poplar 无法识别的状态。</translation>
    </message>
    <message>
        <source>One server deletion is queued for a message this computer does not hold whole.</source>
        <translation>有 1 项服务器删除排在队列中，但本机并没有这封邮件的完整副本。</translation>
    </message>
    <message>
        <source>%1 server deletions are queued for messages this computer does not hold whole.</source>
        <translation>有 %1 项服务器删除排在队列中，但本机并没有这些邮件的完整副本。</translation>
    </message>
    <message>
        <source>One message deleted for good still has its words in the search index.</source>
        <translation>有 1 封已彻底删除的邮件，其文字仍留在搜索索引中。</translation>
    </message>
    <message>
        <source>%1 messages deleted for good still have their words in the search index.</source>
        <translation>有 %1 封已彻底删除的邮件，其文字仍留在搜索索引中。</translation>
    </message>
    <message>
        <source>The search index is out of step with its text for one message: searches may miss it or find it wrongly.</source>
        <translation>搜索索引与 1 封邮件的文本不一致：搜索可能漏掉它，或错误地找到它。</translation>
    </message>
    <message>
        <source>The search index is out of step with its text for %1 messages: searches may miss them or find them wrongly.</source>
        <translation>搜索索引与 %1 封邮件的文本不一致：搜索可能漏掉它们，或错误地找到它们。</translation>
    </message>
    <message>
        <source>SQLite found the file damaged (%1 findings; the first: &quot;%2&quot;). Poplar can move it aside and start with an empty cache (mail still on your servers is downloaded again), or a backup of the file can be put back.</source>
        <translation>SQLite 发现该文件已损坏（共 %1 处，第一处：“%2”）。Poplar 可以把它移到一旁并以空缓存重新开始（仍在服务器上的邮件会重新下载），也可以放回该文件的备份。</translation>
    </message>
    <message>
        <source>The search index is damaged (%1): searches may miss messages or find wrong ones.</source>
        <translation>搜索索引已损坏（%1）：搜索可能漏掉邮件或找到错误的邮件。</translation>
    </message>
    <message>
        <source>SQLite cannot read the file as a database (%1): its first page is damaged, or it is another kind of file. Poplar can move it aside and start with an empty cache (mail still on your servers is downloaded again), or a backup of the file can be put back.</source>
        <translation>SQLite 无法将该文件作为数据库读取（%1）：它的第一页已损坏，或者它根本是另一种文件。Poplar 可以把它移到一旁并以空缓存重新开始（仍在服务器上的邮件会重新下载），也可以放回该文件的备份。</translation>
    </message>
    <message>
        <source>The cache was written by a newer Poplar (version %1 of the cache; this one knows up to %2). Use that Poplar.</source>
        <translation>该缓存由更新版本的 Poplar 写入（缓存版本 %1；本版最高支持 %2）。请使用那个版本的 Poplar。</translation>
    </message>
    <message>
        <source>Poplar could not check this (%1).</source>
        <translation>Poplar 无法检查这一项（%1）。</translation>
    </message>
    <message>
        <source>The mail cache %1 is healthy.</source>
        <translation>邮件缓存 %1 状态良好。</translation>
    </message>
    <message>
        <source>The mail cache %1 has problems:</source>
        <translation>邮件缓存 %1 存在问题：</translation>
    </message>
    <message>
        <source>One message, %1 on disk.</source>
        <translation>1 封邮件，占用磁盘 %1。</translation>
    </message>
    <message>
        <source>%1 messages, %2 on disk.</source>
        <translation>%1 封邮件，占用磁盘 %2。</translation>
    </message>
    <message>
        <source>%1 of it is unused: &apos;poplarctl compact&apos; gives that back to the disk.</source>
        <translation>其中 %1 未被使用：“poplarctl compact”可以把这部分空间还给磁盘。</translation>
    </message>
    <message>
        <source>Search: %1 of %2 messages indexed; Poplar indexes the rest in the background.</source>
        <translation>搜索：已为 %2 封邮件中的 %1 封建立索引；其余的由 Poplar 在后台继续索引。</translation>
    </message>
    <message>
        <source>Sorting by sender and subject is still being changed to the new language; Poplar does it in the background.</source>
        <translation>按发件人和主题排序仍在切换到新语言；Poplar 正在后台完成这项工作。</translation>
    </message>
</context>
<context>
    <name>poplar::store::CacheCompactor</name>
    <message>
        <source>Compacting the mail cache needs about %1 free on %2; there is %3. Nothing was changed.</source>
        <translation>压缩邮件缓存需要 %2 上约有 %1 可用空间；目前只有 %3。未做任何更改。</translation>
    </message>
    <message>
        <source>Compacting was stopped</source>
        <translation>压缩已停止</translation>
    </message>
    <message>
        <source>Cannot compact the mail cache</source>
        <translation>无法压缩邮件缓存</translation>
    </message>
</context>
<context>
    <name>poplar::store::ListingSnapshots</name>
    <message>
        <source>Cannot read what the last listing showed</source>
        <translation>无法读取上次列表的结果</translation>
    </message>
    <message>
        <source>Cannot record what the listing showed</source>
        <translation>无法记录列表的结果</translation>
    </message>
</context>
<context>
    <name>poplar::store::MboxWriter</name>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>poplar::store::OutboxStore</name>
    <message>
        <source>Message %1 is not waiting in the Outbox</source>
        <translation>邮件 %1 不在发件箱中等待发送</translation>
    </message>
</context>
<context>
    <name>poplar::store::Tag</name>
    <message>
        <source>Important</source>
        <translation>重要</translation>
    </message>
    <message>
        <source>Work</source>
        <translation>工作</translation>
    </message>
    <message>
        <source>Personal</source>
        <translation>个人</translation>
    </message>
    <message>
        <source>To Do</source>
        <translation>待办</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>稍后</translation>
    </message>
    <message>
        <source>Cannot change tags</source>
        <translation>无法更改标签</translation>
    </message>
    <message>
        <source>There is no tag %1</source>
        <translation>没有标签 %1</translation>
    </message>
    <message>
        <source>A tag needs a name</source>
        <translation>标签需要一个名称</translation>
    </message>
    <message>
        <source>A tag&apos;s name cannot hold control characters such as line breaks or tabs</source>
        <translation>标签名称不能包含换行符、制表符等控制字符</translation>
    </message>
    <message>
        <source>There is already a tag named &quot;%1&quot;</source>
        <translation>已有名为“%1”的标签</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a colour of the form #rrggbb</source>
        <translation>“%1”不是 #rrggbb 形式的颜色</translation>
    </message>
</context>
<context>
    <name>poplar::sync::AccountSync</name>
    <message>
        <source>The server allows one login every %1; the next check can run at %2</source>
        <translation>服务器每 %1 只允许登录一次；下次检查可在 %2 进行</translation>
    </message>
    <message>
        <source>1 second</source>
        <translation>1 秒</translation>
    </message>
    <message numerus="yes">
        <source>%n seconds</source>
        <translation>
            <numerusform>%n 秒</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minutes</source>
        <translation>
            <numerusform>%n 分钟</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hours</source>
        <translation>
            <numerusform>%n 小时</numerusform>
        </translation>
    </message>
    <message>
        <source>The server did not list message sizes, so Poplar deletes nothing on it this time (server said: %1)</source>
        <translation>服务器没有列出邮件大小，因此 Poplar 本次不会删除服务器上的任何邮件（服务器回复：%1）</translation>
    </message>
    <message>
        <source>The server supports neither UIDL nor TOP, so Poplar cannot tell which messages it already has</source>
        <translation>服务器既不支持 UIDL 也不支持 TOP，因此 Poplar 无法判断哪些邮件已经收取过</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>（无主题）</translation>
    </message>
    <message>
        <source>“%1”</source>
        <translation>“%1”</translation>
    </message>
    <message>
        <source>“%1” from %2</source>
        <translation>%2 发来的“%1”</translation>
    </message>
    <message>
        <source>Message %1 could not be retrieved (server said: %2)</source>
        <translation>无法收取第 %1 封邮件（服务器回复：%2）</translation>
    </message>
    <message>
        <source>%1 is larger than the %2 Poplar downloads by itself: only its headers were kept. Open it and choose Download the Rest.</source>
        <translation>%1 超过了 Poplar 自动下载的上限 %2：只保留了邮件头。请打开该邮件并选择“下载其余部分”。</translation>
    </message>
    <message>
        <source>%1 is %2, more than Poplar downloads by itself: only its headers were downloaded. Open it and choose Download the Rest.</source>
        <translation>%1 大小为 %2，超过了 Poplar 自动下载的上限：只下载了邮件头。请打开该邮件并选择“下载其余部分”。</translation>
    </message>
    <message>
        <source>%1 arrived incomplete (%2 of the %3 the server announced). The server copy is kept, and Poplar fetches it again at the next check.</source>
        <translation>%1 收取不完整（服务器声明 %3，只收到 %2）。服务器上的副本会保留，Poplar 将在下次检查时重新收取。</translation>
    </message>
    <message>
        <source>Message %1 could not be stored again</source>
        <translation>无法重新保存第 %1 封邮件</translation>
    </message>
    <message>
        <source>%1 arrives incomplete every time (%2 of the %3 the server announces): the copy on the server seems damaged. Poplar leaves it there; choose Download the Rest to try again.</source>
        <translation>%1 每次都收取不完整（服务器声明 %3，只收到 %2）：服务器上的副本似乎已损坏。Poplar 会将其保留在服务器上；如需重试，请选择“下载其余部分”。</translation>
    </message>
    <message>
        <source>%1 arrived incomplete again (%2 of the %3 the server announced). The server copy is kept, and Poplar fetches it again at the next check.</source>
        <translation>%1 再次收取不完整（服务器声明 %3，只收到 %2）。服务器上的副本会保留，Poplar 将在下次检查时重新收取。</translation>
    </message>
    <message>
        <source>The server kept message %1 (server said: %2)</source>
        <translation>服务器保留了第 %1 封邮件（服务器回复：%2）</translation>
    </message>
    <message>
        <source>The server did not confirm the end of the session, so it may not have deleted anything</source>
        <translation>服务器没有确认会话结束，因此可能没有删除任何邮件</translation>
    </message>
    <message>
        <source>The rest of this message is no longer on the server</source>
        <translation>此邮件的其余部分已不在服务器上</translation>
    </message>
    <message>
        <source>The message is larger than %1, more than Poplar can hold</source>
        <translation>此邮件超过 %1，超出了 Poplar 能够容纳的上限</translation>
    </message>
    <message>
        <source>The server did not send the message</source>
        <translation>服务器没有发送此邮件</translation>
    </message>
    <message>
        <source>The message arrived incomplete (%1 of the %2 the server announced)</source>
        <translation>此邮件收取不完整（服务器声明 %2，只收到 %1）</translation>
    </message>
    <message>
        <source>Stopped by the user</source>
        <translation>已被用户中止</translation>
    </message>
    <message>
        <source>Filters did not run, so new mail stays in the Inbox: %1</source>
        <translation>过滤器没有运行，新邮件留在收件箱中：%1</translation>
    </message>
    <message>
        <source>Poplar&apos;s junk filter did not run, so only the servers&apos; verdicts sorted new mail: %1</source>
        <translation>Poplar 的垃圾邮件过滤器未运行，新邮件仅按服务器的判定分类：%1</translation>
    </message>
</context>
<context>
    <name>poplar::sync::BulkActions</name>
    <message>
        <source>The mail cache is busy; nothing was changed</source>
        <translation>邮件缓存正忙；未做任何更改</translation>
    </message>
    <message>
        <source>Cannot save to the mail cache</source>
        <translation>无法保存到邮件缓存</translation>
    </message>
    <message>
        <source>Stopped before the end</source>
        <translation>未完成即已停止</translation>
    </message>
</context>
<context>
    <name>poplar::sync::MailImporter</name>
    <message>
        <source>A local folder needs a name</source>
        <translation>本地文件夹需要一个名称</translation>
    </message>
    <message numerus="yes">
        <source> (%n message(s) were imported before this)</source>
        <translation>
            <numerusform>（在此之前已导入 %n 封邮件）</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: empty, skipped</source>
        <translation>%1：内容为空，已跳过</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Cannot start a transaction</source>
        <translation>无法开始数据库事务</translation>
    </message>
</context>
<context>
    <name>poplar::sync::ProtocolLog</name>
    <message numerus="yes">
        <source>[%n lines left out]</source>
        <translation>
            <numerusform>[此处省略 %n 行]</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>poplar::sync::SyncController</name>
    <message>
        <source>Stopped by the user</source>
        <translation>已被用户中止</translation>
    </message>
</context>
<context>
    <name>poplar::ui::AccountDialog</name>
    <message>
        <source>Add Account</source>
        <translation>添加账户</translation>
    </message>
    <message>
        <source>Edit Account</source>
        <translation>编辑账户</translation>
    </message>
    <message>
        <source>Shown in the folder list</source>
        <translation>显示在文件夹列表中</translation>
    </message>
    <message>
        <source>you@example.org</source>
        <translation>you@example.org</translation>
    </message>
    <message>
        <source>pop.example.org</source>
        <translation>pop.example.org</translation>
    </message>
    <message>
        <source>SSL/TLS</source>
        <translation>SSL/TLS</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Your password and mail will cross the network unencrypted.</source>
        <translation>您的密码和邮件将以未加密的形式在网络上传输。</translation>
    </message>
    <message>
        <source>Unchanged</source>
        <translation>保持不变</translation>
    </message>
    <message>
        <source>Automatic (strongest offered)</source>
        <translation>自动（选用服务器支持的最安全方式）</translation>
    </message>
    <message>
        <source>Password (USER/PASS)</source>
        <translation>密码（USER/PASS）</translation>
    </message>
    <message>
        <source>OAuth 2.0 (XOAUTH2)</source>
        <translation>OAuth 2.0（XOAUTH2）</translation>
    </message>
    <message>
        <source>OAuth 2.0 (OAUTHBEARER)</source>
        <translation>OAuth 2.0（OAUTHBEARER）</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>测试连接(&amp;T)</translation>
    </message>
    <message>
        <source>Log in and leave again, without downloading or deleting</source>
        <translation>登录后随即退出，不下载也不删除任何邮件</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>从不</translation>
    </message>
    <message>
        <source> KB</source>
        <translation> KB</translation>
    </message>
    <message>
        <source>No limit</source>
        <translation>不限制</translation>
    </message>
    <message>
        <source>Larger messages come as headers only; download the rest when you open them</source>
        <translation>超过此大小的邮件只下载邮件头，打开时再下载其余部分</translation>
    </message>
    <message>
        <source>Leave messages on the server</source>
        <translation>在服务器上保留邮件</translation>
    </message>
    <message>
        <source>Delete from the server when deleted here</source>
        <translation>在本地删除时同时从服务器删除</translation>
    </message>
    <message>
        <source>Check for new mail at start-up</source>
        <translation>启动时检查新邮件</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Account &amp;name:</source>
        <translation>账户名称(&amp;N)：</translation>
    </message>
    <message>
        <source>&amp;E-mail address:</source>
        <translation>电子邮件地址(&amp;E)：</translation>
    </message>
    <message>
        <source>Incoming server (POP3)</source>
        <translation>收件服务器（POP3）</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>服务器(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>端口(&amp;P)：</translation>
    </message>
    <message>
        <source>Se&amp;curity:</source>
        <translation>连接安全(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <source>&amp;Login method:</source>
        <translation>登录方式(&amp;L)：</translation>
    </message>
    <message>
        <source>Mail on the server</source>
        <translation>服务器上的邮件</translation>
    </message>
    <message>
        <source>Delete from the server &amp;after:</source>
        <translation>下载后从服务器删除(&amp;A)：</translation>
    </message>
    <message>
        <source>Download only headers &amp;above:</source>
        <translation>邮件大于此值时仅下载邮件头(&amp;A)：</translation>
    </message>
    <message>
        <source>Checking for mail</source>
        <translation>检查邮件</translation>
    </message>
    <message>
        <source>Check &amp;every:</source>
        <translation>检查间隔(&amp;E)：</translation>
    </message>
    <message>
        <source>%1: settings filled in.</source>
        <translation>%1：已自动填写设置。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Type the password to test the connection.</source>
        <translation>请输入密码以测试连接。</translation>
    </message>
    <message>
        <source>S&amp;top Test</source>
        <translation>停止测试(&amp;T)</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>正在连接 %1…</translation>
    </message>
    <message>
        <source>The certificate is trusted for this account; testing again.</source>
        <translation>已为此账户信任该证书，正在重新测试。</translation>
    </message>
    <message>
        <source>System keychain</source>
        <translation>系统钥匙串</translation>
    </message>
    <message>
        <source>Ask when checking mail</source>
        <translation>收取邮件时询问</translation>
    </message>
    <message>
        <source>Password command</source>
        <translation>密码命令</translation>
    </message>
    <message>
        <source>Where Poplar finds the password when it checks mail. Poplar never writes a password into its own files.</source>
        <translation>Poplar 收取邮件时从何处获取密码。Poplar 从不把密码写入自己的文件。</translation>
    </message>
    <message>
        <source>pass show mail/pop</source>
        <translation>pass show mail/pop</translation>
    </message>
    <message>
        <source>Run with /bin/sh -c; its first line of output is the password</source>
        <translation>通过 /bin/sh -c 运行；其输出的第一行即为密码</translation>
    </message>
    <message>
        <source>Test Co&amp;mmand</source>
        <translation>测试命令(&amp;M)</translation>
    </message>
    <message>
        <source>Run the command now and say whether it gave a password</source>
        <translation>立即运行该命令，并显示它是否给出了密码</translation>
    </message>
    <message>
        <source>Password &amp;kept in:</source>
        <translation>密码保存位置(&amp;K)：</translation>
    </message>
    <message>
        <source>Password c&amp;ommand:</source>
        <translation>密码命令(&amp;O)：</translation>
    </message>
    <message>
        <source>Nothing can be read from the system keychain now: it cannot be reached. Poplar asks for the password when checking mail.</source>
        <translation>目前无法从系统钥匙串读取任何内容：无法访问钥匙串。Poplar 将在收取邮件时询问密码。</translation>
    </message>
    <message>
        <source>The password is stored in the system keychain when you press OK.</source>
        <translation>按“确定”后，密码将保存到系统钥匙串中。</translation>
    </message>
    <message>
        <source>A password is stored in the system keychain. Leave the field empty to keep it.</source>
        <translation>系统钥匙串中已保存密码。留空即可保留该密码。</translation>
    </message>
    <message>
        <source>No password is stored in the system keychain. Type it here, or Poplar asks for it when checking mail.</source>
        <translation>系统钥匙串中没有保存密码。请在此输入，否则 Poplar 将在收取邮件时询问。</translation>
    </message>
    <message>
        <source>Not stored anywhere. Poplar remembers the password you typed until it quits.</source>
        <translation>密码未保存在任何地方。Poplar 会记住您输入的密码，直到退出。</translation>
    </message>
    <message>
        <source>Not stored anywhere. Poplar asks for the password when it first checks mail and keeps it in memory until it quits. A password typed here is used for this session.</source>
        <translation>密码未保存在任何地方。Poplar 会在首次收取邮件时询问密码，并在退出前将其保存在内存中。在此输入的密码将用于本次会话。</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>Not stored by Poplar: the command gives it each time mail is checked.</source>
        <translation>Poplar 不保存密码：每次收取邮件时由该命令提供。</translation>
    </message>
    <message>
        <source>Type a command first.</source>
        <translation>请先输入命令。</translation>
    </message>
    <message>
        <source>Running the command…</source>
        <translation>正在运行命令…</translation>
    </message>
    <message numerus="yes">
        <source>The command gave a password (%n character(s)).</source>
        <translation>
            <numerusform>该命令给出了密码（%n 个字符）。</numerusform>
        </translation>
    </message>
    <message>
        <source>The password cannot be stored: the system keychain cannot be reached</source>
        <translation>无法保存密码：无法访问系统钥匙串</translation>
    </message>
    <message>
        <source>%1
A password cannot be stored there. Choose &quot;Ask when checking mail&quot; (kept in memory until Poplar quits) or a password command.</source>
        <translation>%1
密码无法保存在其中。请选择“收取邮件时询问”（在 Poplar 退出前保存在内存中）或密码命令。</translation>
    </message>
    <message>
        <source>Test Connection is not available here.</source>
        <translation>此处无法测试连接。</translation>
    </message>
    <message>
        <source>This reaches another mailbox: Poplar will download its messages as new ones. Mail already downloaded stays here.</source>
        <translation>这会连接到另一个邮箱：Poplar 会把其中的邮件作为新邮件下载。已下载的邮件仍保留在这里。</translation>
    </message>
    <message>
        <source>Sen&amp;ding…</source>
        <translation>发信(&amp;D)…</translation>
    </message>
    <message>
        <source>The sender&apos;s name and signature, and the outgoing (SMTP) server</source>
        <translation>发件人姓名和签名，以及发件（SMTP）服务器</translation>
    </message>
    <message>
        <source>Sending:</source>
        <translation>发信：</translation>
    </message>
    <message>
        <source>Connecting to the outgoing server %1…</source>
        <translation>正在连接发件服务器 %1…</translation>
    </message>
</context>
<context>
    <name>poplar::ui::AttachmentList</name>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>The original message, attached as it is</source>
        <translation>原邮件，按原样附上</translation>
    </message>
    <message>
        <source>%1 is a folder; only files can be attached</source>
        <translation>%1 是文件夹；只能附加文件</translation>
    </message>
    <message>
        <source>%1 is too large to send by mail</source>
        <translation>%1 太大，无法通过邮件发送</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
</context>
<context>
    <name>poplar::ui::CacheUpkeep</name>
    <message>
        <source>Compact the Mail Cache</source>
        <translation>压缩邮件缓存</translation>
    </message>
    <message>
        <source>Compact</source>
        <translation>压缩</translation>
    </message>
    <message>
        <source>Not Now</source>
        <translation>以后再说</translation>
    </message>
    <message>
        <source>Compacted the mail cache: %1 before, %2 now.</source>
        <translation>已压缩邮件缓存：之前 %1，现在 %2。</translation>
    </message>
    <message>
        <source>Deleted mail left %1 unused inside the mail cache. Give that space back to the disk?

Poplar does it in the background and stays usable meanwhile.</source>
        <translation>已删除的邮件在邮件缓存中留下了 %1 未使用的空间。要把这些空间还给磁盘吗？

Poplar 会在后台进行，在此期间仍可正常使用。</translation>
    </message>
    <message>
        <source>Deleted mail left %1 unused inside the mail cache. Poplar can give that space back to the disk the next time it starts; for a large cache that takes a while, before the window opens. Later compactions run in the background.</source>
        <translation>已删除的邮件在邮件缓存中留下了 %1 未使用的空间。Poplar 可以在下次启动时把这些空间还给磁盘；缓存较大时，这会在窗口打开前花一些时间。以后的压缩都会在后台进行。</translation>
    </message>
    <message>
        <source>Compact at Next Start</source>
        <translation>下次启动时压缩</translation>
    </message>
    <message>
        <source>Cannot compact the mail cache</source>
        <translation>无法压缩邮件缓存</translation>
    </message>
    <message>
        <source>The mail cache will be compacted the next time Poplar starts.</source>
        <translation>邮件缓存将在 Poplar 下次启动时压缩。</translation>
    </message>
    <message>
        <source>Compacting the mail cache…</source>
        <translation>正在压缩邮件缓存…</translation>
    </message>
</context>
<context>
    <name>poplar::ui::CertificateDialog</name>
    <message>
        <source>Untrusted Certificate</source>
        <translation>不受信任的证书</translation>
    </message>
    <message>
        <source>it could not be verified</source>
        <translation>无法验证该证书</translation>
    </message>
    <message>
        <source>&lt;b&gt;The certificate of %1 is not trusted: %2.&lt;/b&gt;</source>
        <translation>&lt;b&gt;%1 的证书不受信任：%2。&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Someone may be pretending to be the server. Trust this certificate only if you know the server uses it, for example because its fingerprint matches the one your provider or administrator gave you.</source>
        <translation>可能有人在冒充该服务器。请仅在确认服务器使用的就是此证书时才信任它，例如其指纹与邮箱服务商或管理员提供的指纹一致。</translation>
    </message>
    <message>
        <source>Issued to:</source>
        <translation>颁发给：</translation>
    </message>
    <message>
        <source>Issued by:</source>
        <translation>颁发者：</translation>
    </message>
    <message>
        <source>Valid:</source>
        <translation>有效期：</translation>
    </message>
    <message>
        <source>from %1 to %2</source>
        <translation>%1 至 %2</translation>
    </message>
    <message>
        <source>SHA-256 fingerprint:</source>
        <translation>SHA-256 指纹：</translation>
    </message>
    <message>
        <source>&amp;Trust This Certificate</source>
        <translation>信任此证书(&amp;T)</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
</context>
<context>
    <name>poplar::ui::ChangeProgress</name>
    <message>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>poplar::ui::ComposeActions</name>
    <message>
        <source>&amp;New Message</source>
        <translation>新建邮件(&amp;N)</translation>
    </message>
    <message>
        <source>Write a new message (Ctrl+N)</source>
        <translation>写一封新邮件（Ctrl+N）</translation>
    </message>
    <message>
        <source>&amp;Reply</source>
        <translation>回复(&amp;R)</translation>
    </message>
    <message>
        <source>Reply to the sender (Ctrl+R)</source>
        <translation>回复发件人（Ctrl+R）</translation>
    </message>
    <message>
        <source>Reply &amp;All</source>
        <translation>全部回复(&amp;A)</translation>
    </message>
    <message>
        <source>Reply to everyone (Ctrl+Shift+R)</source>
        <translation>回复所有人（Ctrl+Shift+R）</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>转发(&amp;F)</translation>
    </message>
    <message>
        <source>Forward the message (Ctrl+L)</source>
        <translation>转发邮件（Ctrl+L）</translation>
    </message>
    <message>
        <source>Forward as A&amp;ttachment</source>
        <translation>作为附件转发(&amp;T)</translation>
    </message>
    <message>
        <source>Forward the message as it is, attached</source>
        <translation>将邮件按原样作为附件转发</translation>
    </message>
    <message>
        <source>No account can send mail yet: give one an outgoing server in Settings (Edit Account ▸ Sending)</source>
        <translation>还没有可以发信的账户：请在“设置”中为某个账户设置发件服务器（编辑账户 ▸ 发信）</translation>
    </message>
    <message>
        <source>Only the headers of this message are here: download the rest first</source>
        <translation>此邮件只下载了邮件头：请先下载其余部分</translation>
    </message>
    <message>
        <source>Message Toolbar</source>
        <translation>邮件工具栏</translation>
    </message>
</context>
<context>
    <name>poplar::ui::ComposerWindow</name>
    <message>
        <source>Draft saved</source>
        <translation>草稿已保存</translation>
    </message>
    <message>
        <source>The draft could not be saved: %1</source>
        <translation>无法保存草稿：%1</translation>
    </message>
    <message>
        <source>The message was not put in the Outbox: %1</source>
        <translation>邮件未能放入发件箱：%1</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>发送(&amp;S)</translation>
    </message>
    <message>
        <source>Send the message (Ctrl+Return)</source>
        <translation>发送邮件（Ctrl+回车）</translation>
    </message>
    <message>
        <source>&amp;Attach Files…</source>
        <translation>附加文件(&amp;A)…</translation>
    </message>
    <message>
        <source>Attach files (Ctrl+Shift+A), or drop them on this window</source>
        <translation>附加文件（Ctrl+Shift+A），或把文件拖放到此窗口</translation>
    </message>
    <message>
        <source>Save as &amp;Draft</source>
        <translation>存为草稿(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Message</source>
        <translation>邮件(&amp;M)</translation>
    </message>
    <message>
        <source>Composer Toolbar</source>
        <translation>写信工具栏</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Names or addresses, separated by commas</source>
        <translation>姓名或地址，用逗号分隔</translation>
    </message>
    <message>
        <source>Receives the message without the others seeing it</source>
        <translation>收到邮件，但其他收件人看不到</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>发件人(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation>收件人(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Cc:</source>
        <translation>抄送(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Bcc:</source>
        <translation>密送(&amp;B)：</translation>
    </message>
    <message>
        <source>S&amp;ubject:</source>
        <translation>主题(&amp;U)：</translation>
    </message>
    <message>
        <source>Attach&amp;ments:</source>
        <translation>附件(&amp;M)：</translation>
    </message>
    <message>
        <source>Message text</source>
        <translation>邮件正文</translation>
    </message>
    <message>
        <source>Write: (no subject)</source>
        <translation>写信：（无主题）</translation>
    </message>
    <message>
        <source>Write: %1</source>
        <translation>写信：%1</translation>
    </message>
    <message>
        <source>Attach Files</source>
        <translation>附加文件</translation>
    </message>
    <message>
        <source>attach,attached,attaching,attachment,attachments,enclosed</source>
        <translation>附件,附上,附带,随信,随附</translation>
    </message>
    <message>
        <source>To</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>Cc</source>
        <translation>抄送</translation>
    </message>
    <message>
        <source>Bcc</source>
        <translation>密送</translation>
    </message>
    <message>
        <source>&quot;%1&quot; in %2 is not an e-mail address</source>
        <translation>%2 中的“%1”不是电子邮件地址</translation>
    </message>
    <message>
        <source>%1 holds no e-mail address</source>
        <translation>%1 中没有电子邮件地址</translation>
    </message>
    <message>
        <source>The message has no recipient: write an address in To</source>
        <translation>邮件没有收件人：请在“收件人”中填写地址</translation>
    </message>
    <message>
        <source>No account can send mail: give one an outgoing server in Settings</source>
        <translation>没有可以发信的账户：请在“设置”中为某个账户设置发件服务器</translation>
    </message>
    <message>
        <source>The files are still being read; send again in a moment</source>
        <translation>文件仍在读取中；请稍后再发送</translation>
    </message>
    <message>
        <source>Send Without an Attachment?</source>
        <translation>不带附件发送？</translation>
    </message>
    <message>
        <source>The text mentions an attachment, but nothing is attached.</source>
        <translation>正文提到了附件，但没有附加任何文件。</translation>
    </message>
    <message>
        <source>&amp;Send Anyway</source>
        <translation>仍然发送(&amp;S)</translation>
    </message>
    <message>
        <source>Putting the message in the Outbox…</source>
        <translation>正在把邮件放入发件箱…</translation>
    </message>
    <message>
        <source>The account of this identity is gone</source>
        <translation>此身份所属的账户已不存在</translation>
    </message>
    <message>
        <source>Keep This Message?</source>
        <translation>保留这封邮件？</translation>
    </message>
    <message>
        <source>Keep this message in Drafts to finish it later?</source>
        <translation>把这封邮件保留在草稿箱中，以后再写完？</translation>
    </message>
    <message>
        <source>Write</source>
        <translation>写信</translation>
    </message>
</context>
<context>
    <name>poplar::ui::DamagedCachePrompt</name>
    <message>
        <source>A check of the file found nothing wrong with it; it may have been in use by another program.</source>
        <translation>检查该文件未发现问题；它可能当时正被其他程序使用。</translation>
    </message>
    <message>
        <source>Checking the mail cache…</source>
        <translation>正在检查邮件缓存…</translation>
    </message>
</context>
<context>
    <name>poplar::ui::FiledByLabel</name>
    <message>
        <source>Filed by the rule on line %1 of filters.sieve</source>
        <translation>由 filters.sieve 第 %1 行的规则归档</translation>
    </message>
    <message>
        <source>Filed by rule &apos;%1&apos; (line %2 of filters.sieve)</source>
        <translation>由规则“%1”归档（filters.sieve 第 %2 行）</translation>
    </message>
</context>
<context>
    <name>poplar::ui::FilterActionRow</name>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Move to folder</source>
        <translation>移到文件夹</translation>
    </message>
    <message>
        <source>Tag with</source>
        <translation>添加标签</translation>
    </message>
    <message>
        <source>Mark as read</source>
        <translation>标记为已读</translation>
    </message>
    <message>
        <source>Mark as flagged</source>
        <translation>标记为星标</translation>
    </message>
    <message>
        <source>Move to Trash</source>
        <translation>移到废纸篓</translation>
    </message>
    <message>
        <source>Stop processing further rules</source>
        <translation>不再执行后面的规则</translation>
    </message>
    <message>
        <source>Delete from the server</source>
        <translation>从服务器删除</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>要执行的动作</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Folder name</source>
        <translation>文件夹名称</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Remove this action</source>
        <translation>移除此动作</translation>
    </message>
</context>
<context>
    <name>poplar::ui::FilterActions</name>
    <message>
        <source>Message Filter&amp;s…</source>
        <translation>邮件过滤器(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Run Filters Now</source>
        <translation>立即运行过滤器(&amp;R)</translation>
    </message>
    <message>
        <source>Apply the filters to the folder shown, after showing what they would do</source>
        <translation>先显示过滤器将执行的操作，再将其应用到当前文件夹</translation>
    </message>
    <message>
        <source>the Unified Inbox</source>
        <translation>统一收件箱</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>废纸篓</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>收件箱</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%2 的%1</translation>
    </message>
    <message>
        <source>The filters were saved; they apply to mail from the next sync on.</source>
        <translation>过滤器已保存；从下次同步起对收到的邮件生效。</translation>
    </message>
    <message>
        <source>There are no filters yet: Edit ▸ Message Filters… makes them.</source>
        <translation>还没有过滤器：可在“编辑 ▸ 邮件过滤器…”中创建。</translation>
    </message>
    <message>
        <source>Running the filters on %1</source>
        <translation>正在对%1运行过滤器</translation>
    </message>
    <message>
        <source>Filing messages</source>
        <translation>正在归档邮件</translation>
    </message>
    <message>
        <source>Filters sort the mail of your accounts; mail imported from files stays where it is.</source>
        <translation>过滤器整理各账户的邮件；从文件导入的邮件保持原处不动。</translation>
    </message>
</context>
<context>
    <name>poplar::ui::FilterConditionRow</name>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>From</source>
        <translation>发件人</translation>
    </message>
    <message>
        <source>To or Cc</source>
        <translation>收件人或抄送</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>The header</source>
        <translation>邮件头</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>What the condition looks at</source>
        <translation>条件检查的内容</translation>
    </message>
    <message>
        <source>Header name, e.g. List-Id</source>
        <translation>邮件头名称，例如 List-Id</translation>
    </message>
    <message>
        <source>Header name</source>
        <translation>邮件头名称</translation>
    </message>
    <message>
        <source>contains</source>
        <translation>包含</translation>
    </message>
    <message>
        <source>does not contain</source>
        <translation>不包含</translation>
    </message>
    <message>
        <source>is</source>
        <translation>等于</translation>
    </message>
    <message>
        <source>matches (* and ?)</source>
        <translation>匹配（* 和 ?）</translation>
    </message>
    <message>
        <source>How to compare</source>
        <translation>比较方式</translation>
    </message>
    <message>
        <source>Text to look for</source>
        <translation>要查找的文字</translation>
    </message>
    <message>
        <source>is greater than</source>
        <translation>大于</translation>
    </message>
    <message>
        <source>is less than</source>
        <translation>小于</translation>
    </message>
    <message>
        <source>Greater or less</source>
        <translation>大于或小于</translation>
    </message>
    <message>
        <source> KB</source>
        <translation> KB</translation>
    </message>
    <message>
        <source>Size in kilobytes</source>
        <translation>大小（KB）</translation>
    </message>
    <message>
        <source>Remove this condition</source>
        <translation>移除此条件</translation>
    </message>
</context>
<context>
    <name>poplar::ui::FilterDialog</name>
    <message>
        <source>&amp;New Rule</source>
        <translation>新建规则(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Delete Rule</source>
        <translation>删除规则(&amp;D)</translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Move D&amp;own</source>
        <translation>下移(&amp;O)</translation>
    </message>
    <message>
        <source>Message Filters</source>
        <translation>邮件过滤器</translation>
    </message>
    <message>
        <source>Delete from the Server</source>
        <translation>从服务器删除</translation>
    </message>
    <message>
        <source>This rule deletes the messages it matches from the server at the next sync (they stay on this computer). Each one is listed in the server deletion queue first, where you can keep it.

Use this rule?</source>
        <translation>此规则会在下次同步时从服务器删除它匹配的邮件（本机上的副本保留）。每封邮件会先列入服务器删除队列，在那里您仍可选择保留它。

要使用此规则吗？</translation>
    </message>
    <message>
        <source>Open the &amp;File</source>
        <translation>打开文件(&amp;F)</translation>
    </message>
    <message>
        <source>Rules, in the order they run</source>
        <translation>规则（按执行顺序）</translation>
    </message>
    <message>
        <source>This rule was written by hand in a way this dialog cannot show. It is kept as it is, in its place; edit it in filters.sieve itself.</source>
        <translation>这条规则是手工编写的，本对话框无法显示其内容。它会原样保留在原来的位置；如需修改，请直接编辑 filters.sieve。</translation>
    </message>
    <message>
        <source>The rule as written in filters.sieve</source>
        <translation>filters.sieve 中这条规则的原文</translation>
    </message>
    <message>
        <source>No rule is chosen. New Rule adds one.</source>
        <translation>未选择规则。点击“新建规则”添加一条。</translation>
    </message>
    <message>
        <source>Rule %1</source>
        <translation>规则 %1</translation>
    </message>
    <message>
        <source>the file is larger than %1 KB</source>
        <translation>文件大于 %1 KB</translation>
    </message>
    <message>
        <source>the file is not UTF-8 text</source>
        <translation>文件不是 UTF-8 文本</translation>
    </message>
    <message>
        <source>filters.sieve cannot be edited here: %1. Correct it in a text editor (Open the File). Until then no rule runs and all mail stays in the Inbox.</source>
        <translation>无法在此编辑 filters.sieve：%1。请用文本编辑器改正它（打开文件）。在此之前不会执行任何规则，所有邮件都留在收件箱。</translation>
    </message>
    <message>
        <source>One rule in filters.sieve was written by hand in a way this dialog cannot show. It is shown read-only, keeps its place and is saved unchanged.</source>
        <translation>filters.sieve 中有一条规则是手工编写的，本对话框无法显示其内容。它以只读方式显示，保留原来的位置，保存时原样不变。</translation>
    </message>
    <message>
        <source>%1 rules in filters.sieve were written by hand in a way this dialog cannot show. They are shown read-only, keep their places and are saved unchanged.</source>
        <translation>filters.sieve 中有 %1 条规则是手工编写的，本对话框无法显示其内容。它们以只读方式显示，保留原来的位置，保存时原样不变。</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（无名称）</translation>
    </message>
    <message>
        <source>%1 (written by hand)</source>
        <translation>%1（手工编写）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>The rules were not saved: %1</source>
        <translation>规则未保存：%1</translation>
    </message>
</context>
<context>
    <name>poplar::ui::FilterRuleEditor</name>
    <message>
        <source>Match a&amp;ll of the conditions</source>
        <translation>满足全部条件(&amp;L)</translation>
    </message>
    <message>
        <source>Match an&amp;y of the conditions</source>
        <translation>满足任一条件(&amp;Y)</translation>
    </message>
    <message>
        <source>Add &amp;Condition</source>
        <translation>添加条件(&amp;C)</translation>
    </message>
    <message>
        <source>Add &amp;Action</source>
        <translation>添加动作(&amp;A)</translation>
    </message>
    <message>
        <source>Conditions</source>
        <translation>条件</translation>
    </message>
    <message>
        <source>With no condition, the rule applies to every message.</source>
        <translation>没有条件时，规则适用于每一封邮件。</translation>
    </message>
    <message>
        <source>Actions</source>
        <translation>动作</translation>
    </message>
    <message>
        <source>Rule na&amp;me:</source>
        <translation>规则名称(&amp;M)：</translation>
    </message>
</context>
<context>
    <name>poplar::ui::FilterRunDialog</name>
    <message>
        <source>Rule on line %1</source>
        <translation>第 %1 行的规则</translation>
    </message>
    <message>
        <source>(marks only)</source>
        <translation>（仅标记）</translation>
    </message>
    <message>
        <source>mark read</source>
        <translation>标记为已读</translation>
    </message>
    <message>
        <source>flag</source>
        <translation>加星标</translation>
    </message>
    <message>
        <source>tag %1</source>
        <translation>添加标签 %1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>应用(&amp;A)</translation>
    </message>
    <message>
        <source>Run Filters Now: %1</source>
        <translation>立即运行过滤器：%1</translation>
    </message>
    <message>
        <source>No rule changes any message in %1.</source>
        <translation>没有规则会改变%1中的任何邮件。</translation>
    </message>
    <message>
        <source>The filters would change 1 message in %1. Nothing has changed yet: Apply does it.</source>
        <translation>过滤器将改变%1中的 1 封邮件。目前尚未做任何改变：点击“应用”才会执行。</translation>
    </message>
    <message>
        <source>The filters would change %1 messages in %2. Nothing has changed yet: Apply does it.</source>
        <translation>过滤器将改变%2中的 %1 封邮件。目前尚未做任何改变：点击“应用”才会执行。</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>邮件</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Moves to</source>
        <translation>移到</translation>
    </message>
    <message>
        <source>Also</source>
        <translation>另外</translation>
    </message>
    <message>
        <source>What the filters would do</source>
        <translation>过滤器将执行的操作</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>（无主题）</translation>
    </message>
    <message>
        <source>(stays)</source>
        <translation>（不移动）</translation>
    </message>
    <message>
        <source>From %1</source>
        <translation>发件人：%1</translation>
    </message>
    <message>
        <source>Filing the messages…</source>
        <translation>正在归档邮件…</translation>
    </message>
    <message>
        <source>Nothing was changed: %1</source>
        <translation>未做任何改变：%1</translation>
    </message>
    <message>
        <source>Done: 1 message was changed.</source>
        <translation>完成：改变了 1 封邮件。</translation>
    </message>
    <message>
        <source>Done: %1 messages were changed.</source>
        <translation>完成：改变了 %1 封邮件。</translation>
    </message>
    <message>
        <source>delete from the server at the next check</source>
        <translation>下次检查时从服务器删除</translation>
    </message>
    <message>
        <source>Of these, 1 would be deleted from the server at the next check; Apply asks first.</source>
        <translation>其中 1 封将在下次检查时从服务器删除；应用前会先询问。</translation>
    </message>
    <message>
        <source>Of these, %1 would be deleted from the server at the next check; Apply asks first.</source>
        <translation>其中 %1 封将在下次检查时从服务器删除；应用前会先询问。</translation>
    </message>
    <message>
        <source>Delete from the Server</source>
        <translation>从服务器删除</translation>
    </message>
    <message>
        <source>Applying the filters will delete 1 message from the server at the next check.</source>
        <translation>应用过滤器后，下次检查时将从服务器删除 1 封邮件。</translation>
    </message>
    <message>
        <source>Applying the filters will delete %1 messages from the server at the next check.</source>
        <translation>应用过滤器后，下次检查时将从服务器删除 %1 封邮件。</translation>
    </message>
    <message>
        <source>They stay on this computer. Until the next check they are struck through in the list, and Message ▸ Keep on Server keeps them there.</source>
        <translation>它们仍保留在这台电脑上。在下次检查之前，它们在列表中显示为删除线，使用“邮件 ▸ 保留在服务器上”即可保留服务器上的副本。</translation>
    </message>
    <message>
        <source>Apply and &amp;Delete from Server</source>
        <translation>应用并从服务器删除(&amp;D)</translation>
    </message>
    <message>
        <source>Apply &amp;Without Deleting</source>
        <translation>应用但不删除(&amp;W)</translation>
    </message>
    <message>
        <source>1 message will be deleted from the server at the next check.</source>
        <translation>1 封邮件将在下次检查时从服务器上删除。</translation>
    </message>
    <message>
        <source>%1 messages will be deleted from the server at the next check.</source>
        <translation>%1 封邮件将在下次检查时从服务器上删除。</translation>
    </message>
</context>
<context>
    <name>poplar::ui::FolderTree</name>
    <message>
        <source>Inbox</source>
        <translation>收件箱</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>废纸篓</translation>
    </message>
    <message>
        <source>%1@%2</source>
        <translation>%1@%2</translation>
    </message>
    <message>
        <source>Local Folders</source>
        <translation>本地文件夹</translation>
    </message>
    <message>
        <source>Mail imported from mbox files and Maildirs</source>
        <translation>从 mbox 文件和 Maildir 导入的邮件</translation>
    </message>
    <message>
        <source>Unified Inbox</source>
        <translation>统一收件箱</translation>
    </message>
    <message>
        <source>The Inboxes of all accounts together</source>
        <translation>所有账户的收件箱合在一起</translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Drafts</source>
        <translation>草稿箱</translation>
    </message>
    <message>
        <source>Outbox</source>
        <translation>发件箱</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Junk</source>
        <translation>垃圾邮件</translation>
    </message>
    <message>
        <source>Mail the server&apos;s spam filter marked as junk</source>
        <translation>服务器的垃圾邮件过滤器标记为垃圾的邮件</translation>
    </message>
    <message>
        <source>Mail your filters filed here</source>
        <translation>你的过滤器归档到这里的邮件</translation>
    </message>
</context>
<context>
    <name>poplar::ui::HelpActions</name>
    <message>
        <source>&amp;Getting Started</source>
        <translation>入门(&amp;G)</translation>
    </message>
    <message>
        <source>The first steps with Poplar, in a few sentences</source>
        <translation>用几句话介绍 Poplar 的入门步骤</translation>
    </message>
    <message>
        <source>&amp;About Poplar</source>
        <translation>关于 Poplar(&amp;A)</translation>
    </message>
    <message>
        <source>Poplar&apos;s version, its licence, and where it keeps your mail</source>
        <translation>Poplar 的版本、许可证，以及邮件的存放位置</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Poplar %1&lt;/h3&gt;&lt;p&gt;A mail client for POP3 accounts.&lt;/p&gt;&lt;p&gt;Poplar is free software: you can redistribute it and/or modify it under the terms of the GNU General Public License, version 3 or (at your option) any later version (GPL-3.0-or-later). It comes with no warranty.&lt;/p&gt;&lt;p&gt;Your profile:&lt;br&gt;settings and accounts in %2&lt;br&gt;mail in %3&lt;/p&gt;&lt;p&gt;Passwords are never kept in these files.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Poplar %1&lt;/h3&gt;&lt;p&gt;一个用于 POP3 账户的邮件客户端。&lt;/p&gt;&lt;p&gt;Poplar 是自由软件：您可以依据 GNU 通用公共许可证第 3 版或（由您选择）任何更新版本（GPL-3.0-or-later）再分发和/或修改它。本软件不提供任何担保。&lt;/p&gt;&lt;p&gt;您的配置文件：&lt;br&gt;设置和账户位于 %2&lt;br&gt;邮件位于 %3&lt;/p&gt;&lt;p&gt;密码从不保存在这些文件中。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Getting started&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;Add your account: File ▸ Settings…, then Add…. Type your address; Poplar fills in the server of well-known providers. Test Connection tells you at once whether the server and password work.&lt;/li&gt;&lt;li&gt;Get your mail: Get Messages (F5).&lt;/li&gt;&lt;li&gt;Read: select a message to see it beside the list, or double-click it to open it in its own window. Images from the internet load only when you ask.&lt;/li&gt;&lt;li&gt;Tidy up: Delete moves a message to Trash; whether that also deletes it from the server is a choice of each account.&lt;/li&gt;&lt;li&gt;Find: Edit ▸ Find… (Ctrl+F) searches your mail.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;Something wrong with a server? Help ▸ Protocol Log shows what was said, without passwords, to copy into a bug report.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;入门&lt;/h3&gt;&lt;ol&gt;&lt;li&gt;添加账户：文件 ▸ 设置…，然后点击“添加…”。输入您的邮件地址；对于知名邮件服务商，Poplar 会自动填写服务器。“测试连接”会立即告诉您服务器和密码是否可用。&lt;/li&gt;&lt;li&gt;收取邮件：收取邮件（F5）。&lt;/li&gt;&lt;li&gt;阅读：选择一封邮件即可在列表旁查看，双击则在单独的窗口中打开。来自互联网的图片只有在您要求时才会加载。&lt;/li&gt;&lt;li&gt;整理：“删除”会把邮件移到废纸篓；是否同时从服务器删除由每个账户自行设置。&lt;/li&gt;&lt;li&gt;查找：编辑 ▸ 查找…（Ctrl+F）搜索您的邮件。&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;服务器出了问题？帮助 ▸ 协议日志会显示通信内容（不含密码），可复制到错误报告中。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>About Poplar</source>
        <translation>关于 Poplar</translation>
    </message>
    <message>
        <source>Getting Started</source>
        <translation>入门</translation>
    </message>
</context>
<context>
    <name>poplar::ui::ImportProfileDialog</name>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>no encryption</source>
        <translation>不加密</translation>
    </message>
    <message>
        <source>Import From Another Program</source>
        <translation>从其他程序导入</translation>
    </message>
    <message>
        <source>Where the program keeps it</source>
        <translation>该程序的默认位置</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>&amp;Look Again</source>
        <translation>重新查找(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Program:</source>
        <translation>程序(&amp;P)：</translation>
    </message>
    <message>
        <source>Profile &amp;folder:</source>
        <translation>配置文件夹(&amp;F)：</translation>
    </message>
    <message>
        <source>Account or folder</source>
        <translation>账户或文件夹</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>邮件数</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>What was found</source>
        <translation>找到的内容</translation>
    </message>
    <message>
        <source>&amp;Tick what to import:</source>
        <translation>勾选要导入的内容(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>导入(&amp;I)</translation>
    </message>
    <message>
        <source>The Program&apos;s Profile Folder</source>
        <translation>该程序的配置文件夹</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>停止(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>Looking…</source>
        <translation>正在查找…</translation>
    </message>
    <message>
        <source>Found the %1 profile in %2.</source>
        <translation>在 %2 找到 %1 配置文件。</translation>
    </message>
    <message>
        <source>It is in use (the program may be running): it is only read; mail it receives from now on is not imported.</source>
        <translation>它正在使用中（该程序可能正在运行）：只读取它；它今后收到的邮件不会被导入。</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>%1 — %2@%3:%4, %5</source>
        <translation>%1 — %2@%3:%4，%5</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) it downloaded will not be fetched again.</source>
        <translation>
            <numerusform>它已下载的 %n 封邮件不会再次下载。</numerusform>
        </translation>
    </message>
    <message>
        <source>Folders</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>?</source>
        <translation>?</translation>
    </message>
    <message>
        <source>Goes into the account&apos;s Inbox</source>
        <translation>导入到该账户的收件箱</translation>
    </message>
    <message>
        <source>Goes into the local folder %1</source>
        <translation>导入到本地文件夹 %1</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Importing %1: %2 messages read so far</source>
        <translation>正在导入 %1：已读取 %2 封邮件</translation>
    </message>
    <message>
        <source>The import failed: %1</source>
        <translation>导入失败：%1</translation>
    </message>
    <message>
        <source>Imported %1 messages; %2 were already here; %3 skipped.</source>
        <translation>已导入 %1 封邮件；%2 封已经存在；跳过 %3 封。</translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) added: each asks for its password at its first check.</source>
        <translation>
            <numerusform>已添加 %n 个账户：每个账户会在第一次收信时询问密码。</numerusform>
        </translation>
    </message>
    <message>
        <source>Stopped. %1</source>
        <translation>已停止。%1</translation>
    </message>
    <message>
        <source>%1 (into the account&apos;s Inbox)</source>
        <translation>%1（导入到该账户的收件箱）</translation>
    </message>
</context>
<context>
    <name>poplar::ui::JunkActions</name>
    <message>
        <source>Mark as &amp;Junk</source>
        <translation>标记为垃圾邮件(&amp;J)</translation>
    </message>
    <message>
        <source>Mark as N&amp;ot Junk</source>
        <translation>标记为非垃圾邮件(&amp;O)</translation>
    </message>
    <message>
        <source>Move the selected messages to Junk and teach Poplar&apos;s junk filter that they are junk (J)</source>
        <translation>将所选邮件移到垃圾邮件，并让 Poplar 的垃圾邮件过滤器学习它们是垃圾邮件（J）</translation>
    </message>
    <message>
        <source>Move the selected messages back to the Inbox and teach Poplar&apos;s junk filter that they are not junk (Shift+J)</source>
        <translation>将所选邮件移回收件箱，并让 Poplar 的垃圾邮件过滤器学习它们不是垃圾邮件（Shift+J）</translation>
    </message>
    <message>
        <source>Marked, but Poplar&apos;s junk filter could not learn from these messages: %1</source>
        <translation>已标记，但 Poplar 的垃圾邮件过滤器无法学习这些邮件：%1</translation>
    </message>
    <message>
        <source>Only received mail can be marked as junk.</source>
        <translation>只有收到的邮件可以标记为垃圾邮件。</translation>
    </message>
    <message>
        <source>Marked 1 message as junk; the junk filter learned it.</source>
        <translation>已将 1 封邮件标记为垃圾邮件；垃圾邮件过滤器已学习。</translation>
    </message>
    <message>
        <source>Marked %1 messages as junk; the junk filter learned them.</source>
        <translation>已将 %1 封邮件标记为垃圾邮件；垃圾邮件过滤器已学习。</translation>
    </message>
    <message>
        <source>Marked 1 message as not junk; the junk filter learned it.</source>
        <translation>已将 1 封邮件标记为非垃圾邮件；垃圾邮件过滤器已学习。</translation>
    </message>
    <message>
        <source>Marked %1 messages as not junk; the junk filter learned them.</source>
        <translation>已将 %1 封邮件标记为非垃圾邮件；垃圾邮件过滤器已学习。</translation>
    </message>
</context>
<context>
    <name>poplar::ui::MailActions</name>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Move the selected messages to Trash (Del)</source>
        <translation>将所选邮件移到废纸篓（Del）</translation>
    </message>
    <message>
        <source>&amp;Restore to Inbox</source>
        <translation>恢复到收件箱(&amp;R)</translation>
    </message>
    <message>
        <source>Move the selected messages out of Trash, back to the Inbox</source>
        <translation>将所选邮件从废纸篓移回收件箱</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Empty &amp;Trash…</source>
        <translation>清空废纸篓(&amp;T)…</translation>
    </message>
    <message>
        <source>Delete the messages in this account&apos;s Trash from this computer for good</source>
        <translation>从本机永久删除此账户废纸篓中的邮件</translation>
    </message>
    <message>
        <source>These messages are in Trash already; Empty Trash deletes them for good.</source>
        <translation>这些邮件已在废纸篓中；清空废纸篓即可将其永久删除。</translation>
    </message>
    <message>
        <source>Local Folders</source>
        <translation>本地文件夹</translation>
    </message>
    <message>
        <source>The Trash of %1 is empty.</source>
        <translation>%1 的废纸篓是空的。</translation>
    </message>
    <message>
        <source>Empty Trash</source>
        <translation>清空废纸篓</translation>
    </message>
    <message>
        <source>This cannot be undone. Copies still on the server stay there and are not downloaded again.</source>
        <translation>此操作无法撤销。仍在服务器上的副本会保留，且不会被再次下载。</translation>
    </message>
    <message>
        <source>Moved 1 message to Trash.</source>
        <translation>已将 1 封邮件移到废纸篓。</translation>
    </message>
    <message>
        <source>Moved %1 messages to Trash.</source>
        <translation>已将 %1 封邮件移到废纸篓。</translation>
    </message>
    <message>
        <source>Moved 1 message back to the Inbox.</source>
        <translation>已将 1 封邮件移回收件箱。</translation>
    </message>
    <message>
        <source>Moved %1 messages back to the Inbox.</source>
        <translation>已将 %1 封邮件移回收件箱。</translation>
    </message>
    <message>
        <source>Delete the message in the Trash of %1 from this computer for good?</source>
        <translation>要从本机永久删除 %1 废纸篓中的这封邮件吗？</translation>
    </message>
    <message>
        <source>Delete the %1 messages in the Trash of %2 from this computer for good?</source>
        <translation>要从本机永久删除 %2 废纸篓中的 %1 封邮件吗？</translation>
    </message>
    <message>
        <source>Deleted 1 message from Trash.</source>
        <translation>已从废纸篓删除 1 封邮件。</translation>
    </message>
    <message>
        <source>Deleted %1 messages from Trash.</source>
        <translation>已从废纸篓删除 %1 封邮件。</translation>
    </message>
    <message>
        <source>Delete &amp;Permanently…</source>
        <translation>永久删除(&amp;P)…</translation>
    </message>
    <message>
        <source>Delete the selected messages from this computer without passing through Trash</source>
        <translation>从本机删除所选邮件，不经过废纸篓</translation>
    </message>
    <message>
        <source>Delete Permanently</source>
        <translation>永久删除</translation>
    </message>
    <message>
        <source>Delete the selected message from this computer for good?</source>
        <translation>要从本机永久删除所选邮件吗？</translation>
    </message>
    <message>
        <source>Delete the %1 selected messages from this computer for good?</source>
        <translation>要从本机永久删除所选的 %1 封邮件吗？</translation>
    </message>
    <message>
        <source>This cannot be undone. The server copy is deleted at the next check if the account deletes there what is deleted here.</source>
        <translation>此操作无法撤销。如果该账户设置为“在本地删除时同时从服务器删除”，服务器上的副本将在下次检查时删除。</translation>
    </message>
    <message>
        <source>Deleted 1 message for good.</source>
        <translation>已永久删除 1 封邮件。</translation>
    </message>
    <message>
        <source>Deleted %1 messages for good.</source>
        <translation>已永久删除 %1 封邮件。</translation>
    </message>
    <message>
        <source>Moving messages to Trash</source>
        <translation>正在将邮件移到废纸篓</translation>
    </message>
    <message>
        <source>Moving messages back to the Inbox</source>
        <translation>正在将邮件移回收件箱</translation>
    </message>
    <message>
        <source>Deleting messages for good</source>
        <translation>正在永久删除邮件</translation>
    </message>
    <message>
        <source>Emptying the Trash of %1</source>
        <translation>正在清空 %1 的废纸篓</translation>
    </message>
</context>
<context>
    <name>poplar::ui::MailTransfer</name>
    <message>
        <source>Import &amp;mbox File…</source>
        <translation>导入 mbox 文件(&amp;M)…</translation>
    </message>
    <message>
        <source>Copy the messages of an mbox file into a local folder</source>
        <translation>将 mbox 文件中的邮件复制到本地文件夹</translation>
    </message>
    <message>
        <source>Import Mail&amp;dir…</source>
        <translation>导入 Maildir(&amp;D)…</translation>
    </message>
    <message>
        <source>Copy the messages of a Maildir into a local folder</source>
        <translation>将 Maildir 中的邮件复制到本地文件夹</translation>
    </message>
    <message>
        <source>&amp;Save Message As…</source>
        <translation>邮件另存为(&amp;S)…</translation>
    </message>
    <message>
        <source>Save the message as an .eml file, byte for byte as received</source>
        <translation>将邮件按收到时的原样逐字节保存为 .eml 文件</translation>
    </message>
    <message>
        <source>&amp;Export Folder as mbox…</source>
        <translation>将文件夹导出为 mbox(&amp;E)…</translation>
    </message>
    <message>
        <source>Write every message of the folder shown to an mbox file</source>
        <translation>将当前文件夹中的所有邮件写入一个 mbox 文件</translation>
    </message>
    <message>
        <source>Trash</source>
        <translation>废纸篓</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>收件箱</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Import mbox File</source>
        <translation>导入 mbox 文件</translation>
    </message>
    <message>
        <source>mbox files (*.mbox *.mbx);;All files (*)</source>
        <translation>mbox 文件 (*.mbox *.mbx);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Import Maildir</source>
        <translation>导入 Maildir</translation>
    </message>
    <message>
        <source>message</source>
        <translation>邮件</translation>
    </message>
    <message>
        <source>Save Message As</source>
        <translation>邮件另存为</translation>
    </message>
    <message>
        <source>E-mail messages (*.eml);;All files (*)</source>
        <translation>电子邮件 (*.eml);;所有文件 (*)</translation>
    </message>
    <message>
        <source>messages</source>
        <translation>邮件</translation>
    </message>
    <message>
        <source>Export Folder as mbox</source>
        <translation>将文件夹导出为 mbox</translation>
    </message>
    <message>
        <source>mbox files (*.mbox);;All files (*)</source>
        <translation>mbox 文件 (*.mbox);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Importing %1…</source>
        <translation>正在导入 %1…</translation>
    </message>
    <message>
        <source>Import failed: %1</source>
        <translation>导入失败：%1</translation>
    </message>
    <message>
        <source>Saved the message to %1.</source>
        <translation>已将邮件保存到 %1。</translation>
    </message>
    <message>
        <source>Imported 1 message into %1</source>
        <translation>已将 1 封邮件导入 %1</translation>
    </message>
    <message>
        <source>Imported %1 messages into %2</source>
        <translation>已将 %1 封邮件导入 %2</translation>
    </message>
    <message>
        <source>; %1 already there</source>
        <translation>；%1 封已存在</translation>
    </message>
    <message>
        <source>; %1 skipped</source>
        <translation>；已跳过 %1 封</translation>
    </message>
    <message>
        <source>Exported 1 message to %1.</source>
        <translation>已将 1 封邮件导出到 %1。</translation>
    </message>
    <message>
        <source>Exported %1 messages to %2.</source>
        <translation>已将 %1 封邮件导出到 %2。</translation>
    </message>
    <message>
        <source>Unified Inbox</source>
        <translation>统一收件箱</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>poplar::ui::MainWindow</name>
    <message>
        <source>Poplar</source>
        <translation>Poplar</translation>
    </message>
    <message>
        <source>&amp;Get Messages</source>
        <translation>收取邮件(&amp;G)</translation>
    </message>
    <message>
        <source>Download new mail for every account (F5)</source>
        <translation>收取所有账户的新邮件（F5）</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>Search the messages of this folder (Ctrl+F)</source>
        <translation>搜索此文件夹中的邮件（Ctrl+F）</translation>
    </message>
    <message>
        <source>&amp;Protocol Log…</source>
        <translation>协议日志(&amp;P)…</translation>
    </message>
    <message>
        <source>What the last check said to each server, without passwords, to copy into a bug report</source>
        <translation>上次检查邮件时与各服务器的通信记录（不含密码），可复制到错误报告中</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Message</source>
        <translation>邮件(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main Toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>No accounts yet — open Settings to add one.</source>
        <translation>尚未添加账户，请打开“设置”添加账户。</translation>
    </message>
    <message>
        <source>Open Settings…</source>
        <translation>打开设置…</translation>
    </message>
    <message>
        <source>Downloaded the rest of the message.</source>
        <translation>已下载邮件的其余部分。</translation>
    </message>
    <message>
        <source>Checking %1…</source>
        <translation>正在检查 %1…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: no new messages</source>
        <translation>%1：没有新邮件</translation>
    </message>
    <message>
        <source>%1: 1 new message</source>
        <translation>%1：1 封新邮件</translation>
    </message>
    <message>
        <source>%1: %2 new messages</source>
        <translation>%1：%2 封新邮件</translation>
    </message>
    <message>
        <source>1 message</source>
        <translation>1 封邮件</translation>
    </message>
    <message>
        <source>%1 messages</source>
        <translation>%1 封邮件</translation>
    </message>
    <message>
        <source>%1 of %2 match</source>
        <translation>%2 封中有 %1 封匹配</translation>
    </message>
    <message>
        <source>%1, %2 unread</source>
        <translation>%1，%2 封未读</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>查看(&amp;V)</translation>
    </message>
    <message>
        <source>Working offline: turn off File ▸ Work Offline to get messages.</source>
        <translation>正在脱机工作：请关闭“文件 ▸ 脱机工作”后再收取邮件。</translation>
    </message>
    <message>
        <source>Last check %1</source>
        <translation>上次检查 %1</translation>
    </message>
    <message>
        <source>Check at %1 failed; last good check %2</source>
        <translation>%1 的检查失败；上次成功检查于 %2</translation>
    </message>
    <message>
        <source>Check at %1 failed; no good check yet</source>
        <translation>%1 的检查失败；尚无成功的检查</translation>
    </message>
    <message>
        <source>Marking messages as read</source>
        <translation>正在将邮件标记为已读</translation>
    </message>
    <message>
        <source>Removing the mail of %1</source>
        <translation>正在删除 %1 的邮件</translation>
    </message>
    <message>
        <source>Removed the one message of %1 from this computer.</source>
        <translation>已从本机删除 %1 的 1 封邮件。</translation>
    </message>
    <message>
        <source>Removed the %1 messages of %2 from this computer.</source>
        <translation>已从本机删除 %2 的 %1 封邮件。</translation>
    </message>
    <message>
        <source>Sending the message…</source>
        <translation>正在发送邮件…</translation>
    </message>
    <message>
        <source>Working offline: the message waits in the Outbox and goes once you are online again.</source>
        <translation>正在脱机工作：邮件在发件箱中等待，恢复联机后发送。</translation>
    </message>
    <message>
        <source>A message was sent again after the connection dropped at the end of an earlier attempt: it may arrive twice.</source>
        <translation>由于之前一次尝试在结尾处断开了连接，一封邮件被再次发送：对方可能收到两份。</translation>
    </message>
    <message>
        <source>Message sent.</source>
        <translation>邮件已发送。</translation>
    </message>
    <message>
        <source>The server refused a message; it stays in the Outbox: %1</source>
        <translation>服务器拒收了一封邮件；它保留在发件箱中：%1</translation>
    </message>
    <message>
        <source>A message waits in the Outbox: %1</source>
        <translation>一封邮件在发件箱中等待：%1</translation>
    </message>
    <message>
        <source>Import From Another &amp;Program…</source>
        <translation>从其他程序导入(&amp;P)…</translation>
    </message>
    <message>
        <source>%1; filters did not run: %2</source>
        <translation>%1；过滤器没有运行：%2</translation>
    </message>
    <message>
        <source>Move in from Thunderbird, Claws Mail, Sylpheed or Evolution: accounts, folders and what was already downloaded</source>
        <translation>从 Thunderbird、Claws Mail、Sylpheed 或 Evolution 迁移过来：账户、文件夹以及已下载的邮件记录</translation>
    </message>
</context>
<context>
    <name>poplar::ui::MessageListModel</name>
    <message>
        <source>(no subject)</source>
        <translation>（无主题）</translation>
    </message>
    <message>
        <source>%1 &lt;%2&gt;</source>
        <translation>%1 &lt;%2&gt;</translation>
    </message>
    <message>
        <source>The message has no date</source>
        <translation>该邮件没有日期</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <source>%1 (only partly downloaded)</source>
        <translation>%1（仅部分下载）</translation>
    </message>
    <message>
        <source>From</source>
        <translation>发件人</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>主题</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>%1 (with attachments)</source>
        <translation>%1（含附件）</translation>
    </message>
    <message>
        <source>%1
Account: %2</source>
        <translation>%1
账户：%2</translation>
    </message>
    <message>
        <source>Unread.</source>
        <translation>未读。</translation>
    </message>
    <message>
        <source>Flagged.</source>
        <translation>已加星标。</translation>
    </message>
    <message>
        <source>With attachments.</source>
        <translation>有附件。</translation>
    </message>
    <message>
        <source>From: %1.</source>
        <translation>发件人：%1。</translation>
    </message>
    <message>
        <source>Subject: %1.</source>
        <translation>主题：%1。</translation>
    </message>
    <message>
        <source>Date: %1.</source>
        <translation>日期：%1。</translation>
    </message>
    <message>
        <source>No date.</source>
        <translation>没有日期。</translation>
    </message>
    <message>
        <source>Size: %1.</source>
        <translation>大小：%1。</translation>
    </message>
    <message>
        <source>Only partly downloaded.</source>
        <translation>只下载了一部分。</translation>
    </message>
    <message>
        <source>Will be deleted from the server at the next check.</source>
        <translation>将在下次检查时从服务器上删除。</translation>
    </message>
    <message>
        <source>To</source>
        <translation>收件人</translation>
    </message>
    <message>
        <source>(no recipient)</source>
        <translation>（无收件人）</translation>
    </message>
    <message>
        <source>To: %1</source>
        <translation>收件人：%1</translation>
    </message>
    <message>
        <source>%1, tags: %2</source>
        <translation>%1，标签：%2</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Tags: %1</source>
        <translation>标签：%1</translation>
    </message>
    <message>
        <source>To: %1.</source>
        <translation>收件人：%1。</translation>
    </message>
</context>
<context>
    <name>poplar::ui::MessageListPane</name>
    <message>
        <source>End Search</source>
        <translation>结束搜索</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>邮件列表</translation>
    </message>
</context>
<context>
    <name>poplar::ui::MessagePrintout</name>
    <message>
        <source>(no subject)</source>
        <translation>（无主题）</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>发件人：</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>收件人：</translation>
    </message>
    <message>
        <source>Cc:</source>
        <translation>抄送：</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>(no date)</source>
        <translation>（无日期）</translation>
    </message>
    <message>
        <source>(unnamed %1)</source>
        <translation>（未命名的 %1）</translation>
    </message>
    <message numerus="yes">
        <source>Attachments (%n)</source>
        <translation>
            <numerusform>附件（%n 个）</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>poplar::ui::MessageView</name>
    <message>
        <source>To:</source>
        <translation>收件人：</translation>
    </message>
    <message>
        <source>Cc:</source>
        <translation>抄送：</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>发件人：</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>Select a message to read it.</source>
        <translation>选择一封邮件以阅读。</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>（无主题）</translation>
    </message>
    <message>
        <source>(no date)</source>
        <translation>（无日期）</translation>
    </message>
    <message>
        <source>(unnamed %1)</source>
        <translation>（未命名的 %1）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Attachments: %1</source>
        <translation>附件：%1</translation>
    </message>
    <message>
        <source>Load remote content</source>
        <translation>加载远程内容</translation>
    </message>
    <message>
        <source>Always for This Sender</source>
        <translation>始终信任此发件人</translation>
    </message>
    <message>
        <source>Attachment</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Save All…</source>
        <translation>全部保存…</translation>
    </message>
    <message>
        <source>This message is signed; the signature was not checked.</source>
        <translation>此邮件带有签名；签名未经验证。</translation>
    </message>
    <message>
        <source>1 remote resource was not loaded, to protect your privacy.</source>
        <translation>为保护您的隐私，有 1 个远程资源未加载。</translation>
    </message>
    <message>
        <source>%1 remote resources were not loaded, to protect your privacy.</source>
        <translation>为保护您的隐私，有 %1 个远程资源未加载。</translation>
    </message>
    <message>
        <source>Save Attachment</source>
        <translation>保存附件</translation>
    </message>
    <message>
        <source>%1 could not be saved.</source>
        <translation>无法保存 %1。</translation>
    </message>
    <message>
        <source>Save All Attachments</source>
        <translation>保存全部附件</translation>
    </message>
    <message>
        <source>%1 of %2 attachments could not be saved.</source>
        <translation>%2 个附件中有 %1 个无法保存。</translation>
    </message>
    <message>
        <source>Open Attachment</source>
        <translation>打开附件</translation>
    </message>
    <message>
        <source>“%1” is a program or a script: opening it may run it, with your rights. Open it only if you trust the sender and expected this file.</source>
        <translation>“%1”是程序或脚本：打开它可能会以您的权限运行它。只有在您信任发件人并且正在等待这个文件时才打开。</translation>
    </message>
    <message>
        <source>The receiving server could not confirm that this message comes from its sender (%1 failed): the sender may be forged. Remote content does not load for it by itself.</source>
        <translation>收件服务器无法确认这封邮件来自其发件人（%1 未通过）：发件人可能是伪造的。此邮件的远程内容不会自动加载。</translation>
    </message>
    <message>
        <source>The sender could not be verified, so it cannot be trusted for every message.</source>
        <translation>无法验证发件人，因此不能对其所有邮件都予以信任。</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>No application on this computer opens “%1” (%2). Save it instead?</source>
        <translation>这台电脑上没有能打开“%1”（%2）的应用程序。改为保存它吗？</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Message text</source>
        <translation>邮件正文</translation>
    </message>
</context>
<context>
    <name>poplar::ui::MessageWindow</name>
    <message>
        <source>(no subject)</source>
        <translation>（无主题）</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>&amp;Message</source>
        <translation>邮件(&amp;M)</translation>
    </message>
    <message>
        <source>View &amp;Source</source>
        <translation>查看源代码(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>%1 is too large to be a message (%2 MB; the limit is %3 MB)</source>
        <translation>%1 太大，不像是一封邮件（%2 MB；上限为 %3 MB）</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is empty</source>
        <translation>%1 是空文件</translation>
    </message>
    <message>
        <source>Source of %1</source>
        <translation>%1 的源代码</translation>
    </message>
</context>
<context>
    <name>poplar::ui::OutboxBar</name>
    <message>
        <source>Send &amp;Now</source>
        <translation>立即发送(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Try Again</source>
        <translation>重试(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>丢弃(&amp;D)</translation>
    </message>
    <message>
        <source>Delete this message without sending it</source>
        <translation>删除这封邮件，不发送</translation>
    </message>
    <message>
        <source>%1 (the server said: %2)</source>
        <translation>%1（服务器回复：%2）</translation>
    </message>
    <message>
        <source>Being sent now.</source>
        <translation>正在发送。</translation>
    </message>
    <message>
        <source>The server refused this message: %1. It stays here until you try again or discard it.</source>
        <translation>服务器拒收了这封邮件：%1。它会留在这里，直到您重试或丢弃它。</translation>
    </message>
    <message>
        <source>Waits to be sent.</source>
        <translation>等待发送。</translation>
    </message>
    <message>
        <source>Not sent yet: %1. Next attempt at %2, or at the next check.</source>
        <translation>尚未发送：%1。将在 %2 或下次检查邮件时再次尝试。</translation>
    </message>
    <message>
        <source>Not sent yet: %1. It goes at the next chance.</source>
        <translation>尚未发送：%1。将在下一次机会发送。</translation>
    </message>
    <message>
        <source>It may have arrived already: the connection dropped after the whole message had gone out, so sending it again may deliver it twice.</source>
        <translation>对方可能已经收到：整封邮件发出后连接断开了，再次发送可能使对方收到两份。</translation>
    </message>
    <message>
        <source>1 message waits to be sent.</source>
        <translation>1 封邮件等待发送。</translation>
    </message>
    <message>
        <source>%1 messages wait to be sent.</source>
        <translation>%1 封邮件等待发送。</translation>
    </message>
    <message>
        <source>The server refused one of them; select it to see why.</source>
        <translation>服务器拒收了其中一封；选中它可查看原因。</translation>
    </message>
    <message>
        <source>The server refused %1 of them; select one to see why.</source>
        <translation>服务器拒收了其中 %1 封；选中一封可查看原因。</translation>
    </message>
</context>
<context>
    <name>poplar::ui::PartialMessageBar</name>
    <message>
        <source>Download the Rest</source>
        <translation>下载其余部分</translation>
    </message>
    <message>
        <source>The account this message came from no longer exists.</source>
        <translation>此邮件所属的账户已不存在。</translation>
    </message>
    <message>
        <source>%1 is being checked; try again when it is done.</source>
        <translation>正在检查 %1，请在检查完成后重试。</translation>
    </message>
    <message>
        <source>Downloading…</source>
        <translation>正在下载…</translation>
    </message>
    <message>
        <source>Only the headers of this message were downloaded: it is larger than the account&apos;s size limit.</source>
        <translation>此邮件只下载了邮件头：它超过了该账户的大小限制。</translation>
    </message>
</context>
<context>
    <name>poplar::ui::PasswordPrompt</name>
    <message>
        <source>Password for %1</source>
        <translation>%1 的密码</translation>
    </message>
    <message>
        <source>Poplar needs the password of &lt;b&gt;%1&lt;/b&gt; on %2 to check the account &quot;%3&quot;.</source>
        <translation>Poplar 需要 &lt;b&gt;%1&lt;/b&gt; 在 %2 上的密码，才能检查账户“%3”。</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>&amp;Remember for this session</source>
        <translation>在本次会话中记住(&amp;R)</translation>
    </message>
    <message>
        <source>Kept in memory until Poplar quits; never written to disk</source>
        <translation>在 Poplar 退出前保存在内存中；绝不写入磁盘</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>&amp;Remember it</source>
        <translation>记住密码(&amp;R)</translation>
    </message>
    <message>
        <source>Kept in the system keychain when it has no password for this account yet; otherwise in memory until Poplar quits</source>
        <translation>如果系统钥匙环中还没有此账户的密码，就保存在钥匙环中；否则保存在内存中，直到 Poplar 退出</translation>
    </message>
</context>
<context>
    <name>poplar::ui::PrintActions</name>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>Print the message shown, with a preview first</source>
        <translation>打印当前显示的邮件，先显示打印预览</translation>
    </message>
    <message>
        <source>Export as P&amp;DF…</source>
        <translation>导出为 PDF(&amp;D)…</translation>
    </message>
    <message>
        <source>Save the message shown as a PDF file</source>
        <translation>把当前显示的邮件保存为 PDF 文件</translation>
    </message>
    <message>
        <source>Print Preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <source>message</source>
        <translation>邮件</translation>
    </message>
    <message>
        <source>Export as PDF</source>
        <translation>导出为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Saved the message as a PDF: %1</source>
        <translation>已把邮件保存为 PDF：%1</translation>
    </message>
</context>
<context>
    <name>poplar::ui::ProtocolLogDialog</name>
    <message>
        <source>Protocol Log</source>
        <translation>协议日志</translation>
    </message>
    <message>
        <source>What Poplar and the server said during the last check of this account. Passwords and tokens are left out.</source>
        <translation>上次检查此账户时 Poplar 与服务器之间的通信记录。密码和令牌已略去。</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>复制(&amp;C)</translation>
    </message>
    <message>
        <source>There are no accounts.</source>
        <translation>没有任何账户。</translation>
    </message>
    <message>
        <source>No check of this account since Poplar started.</source>
        <translation>自 Poplar 启动以来尚未检查过此账户。</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Protocol log</source>
        <translation>协议日志</translation>
    </message>
</context>
<context>
    <name>poplar::ui::ReadingActions</name>
    <message>
        <source>&amp;Open Message File…</source>
        <translation>打开邮件文件(&amp;O)…</translation>
    </message>
    <message>
        <source>Open in &amp;Window</source>
        <translation>在新窗口中打开(&amp;W)</translation>
    </message>
    <message>
        <source>View &amp;Source</source>
        <translation>查看源代码(&amp;S)</translation>
    </message>
    <message>
        <source>Mark as Read/&amp;Unread</source>
        <translation>标记为已读/未读(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Next Unread</source>
        <translation>下一封未读(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Previous Unread</source>
        <translation>上一封未读(&amp;P)</translation>
    </message>
    <message>
        <source>Open Message File</source>
        <translation>打开邮件文件</translation>
    </message>
    <message>
        <source>Messages (*.eml *.msg *.txt);;All files (*)</source>
        <translation>邮件 (*.eml *.msg *.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <source>No unread message below this one</source>
        <translation>下方没有未读邮件</translation>
    </message>
    <message>
        <source>No unread message above this one</source>
        <translation>上方没有未读邮件</translation>
    </message>
    <message>
        <source>&amp;Flag/Unflag</source>
        <translation>标记/取消星标(&amp;F)</translation>
    </message>
    <message>
        <source>Marking messages as read</source>
        <translation>正在将邮件标记为已读</translation>
    </message>
    <message>
        <source>Marking messages as unread</source>
        <translation>正在将邮件标记为未读</translation>
    </message>
    <message>
        <source>Flagging messages</source>
        <translation>正在为邮件加星标</translation>
    </message>
    <message>
        <source>Removing flags</source>
        <translation>正在移除星标</translation>
    </message>
</context>
<context>
    <name>poplar::ui::ReadingPreferences</name>
    <message>
        <source>Prefer &amp;Plain Text</source>
        <translation>优先显示纯文本(&amp;P)</translation>
    </message>
    <message>
        <source>Of a message sent both as HTML and as plain text, show the plain text</source>
        <translation>邮件同时含有 HTML 和纯文本版本时，显示纯文本</translation>
    </message>
</context>
<context>
    <name>poplar::ui::SearchBar</name>
    <message>
        <source>Search messages (Ctrl+F)</source>
        <translation>搜索邮件（Ctrl+F）</translation>
    </message>
    <message>
        <source>Search messages</source>
        <translation>搜索邮件</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Finds words in the subject, the addresses and the text, and &quot;phrases&quot; in quotes. Narrow it with from:, to:, subject:, has:attachment, is:unread, is:flagged, folder:NAME, before:YYYY-MM-DD, after:YYYY-MM-DD. Escape clears</source>
        <translation>在主题、地址和正文中搜索词语，引号中的 &quot;短语&quot; 按原样匹配。可用 from:、to:、subject:、has:attachment、is:unread、is:flagged、folder:NAME、before:YYYY-MM-DD、after:YYYY-MM-DD 缩小范围。按 Esc 键清除</translation>
    </message>
</context>
<context>
    <name>poplar::ui::SearchResultsBar</name>
    <message>
        <source>Show More</source>
        <translation>显示更多</translation>
    </message>
    <message>
        <source>Add the next older matches to the list</source>
        <translation>把接下来更早的匹配邮件加入列表</translation>
    </message>
    <message>
        <source>No messages found.</source>
        <translation>未找到邮件。</translation>
    </message>
    <message>
        <source>One message found.</source>
        <translation>找到 1 封邮件。</translation>
    </message>
    <message>
        <source>%1 messages found.</source>
        <translation>找到 %1 封邮件。</translation>
    </message>
    <message>
        <source>The newest %1 are shown.</source>
        <translation>显示的是最新的 %1 封。</translation>
    </message>
    <message>
        <source>%1 of %2 messages are indexed so far; the others are found once indexing gets to them.</source>
        <translation>目前已为 %2 封邮件中的 %1 封建立索引；其余邮件建立索引后即可搜到。</translation>
    </message>
    <message>
        <source>Counting the matches…</source>
        <translation>正在统计匹配的邮件…</translation>
    </message>
</context>
<context>
    <name>poplar::ui::SendingDialog</name>
    <message>
        <source>SSL/TLS</source>
        <translation>SSL/TLS</translation>
    </message>
    <message>
        <source>STARTTLS</source>
        <translation>STARTTLS</translation>
    </message>
    <message>
        <source>unencrypted</source>
        <translation>未加密</translation>
    </message>
    <message>
        <source>No outgoing server: this account only receives mail.</source>
        <translation>没有发件服务器：此账户只收信。</translation>
    </message>
    <message>
        <source>Sends through %1:%2 (%3) as %4</source>
        <translation>以 %4 的身份通过 %1:%2（%3）发信</translation>
    </message>
    <message>
        <source>(no address)</source>
        <translation>（无地址）</translation>
    </message>
    <message>
        <source>Sending Mail</source>
        <translation>发信设置</translation>
    </message>
    <message>
        <source>Your name, as recipients see it</source>
        <translation>收件人看到的您的姓名</translation>
    </message>
    <message>
        <source>Where replies go, when not to the address above</source>
        <translation>回复发往的地址（如果不是上面的地址）</translation>
    </message>
    <message>
        <source>smtp.example.org (empty: this account sends no mail)</source>
        <translation>smtp.example.org（留空：此账户不发信）</translation>
    </message>
    <message>
        <source>SSL/TLS (port 465)</source>
        <translation>SSL/TLS（端口 465）</translation>
    </message>
    <message>
        <source>STARTTLS (port 587)</source>
        <translation>STARTTLS（端口 587）</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Your password and mail will cross the network unencrypted.</source>
        <translation>您的密码和邮件将以未加密的形式在网络上传输。</translation>
    </message>
    <message>
        <source>The receiving user name</source>
        <translation>收信用户名</translation>
    </message>
    <message>
        <source>Automatic (strongest offered)</source>
        <translation>自动（选用服务器支持的最安全方式）</translation>
    </message>
    <message>
        <source>OAuth 2.0 (XOAUTH2)</source>
        <translation>OAuth 2.0（XOAUTH2）</translation>
    </message>
    <message>
        <source>OAuth 2.0 (OAUTHBEARER)</source>
        <translation>OAuth 2.0（OAUTHBEARER）</translation>
    </message>
    <message>
        <source>No login</source>
        <translation>不登录</translation>
    </message>
    <message>
        <source>Use the &amp;password for receiving mail</source>
        <translation>使用收信的密码(&amp;P)</translation>
    </message>
    <message>
        <source>Run with /bin/sh -c; its first line of output is the password</source>
        <translation>通过 /bin/sh -c 运行；其输出的第一行即为密码</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>发件人</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>您的姓名(&amp;N)：</translation>
    </message>
    <message>
        <source>Sender &amp;address:</source>
        <translation>发件地址(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Reply-To:</source>
        <translation>回复地址(&amp;R)：</translation>
    </message>
    <message>
        <source>Si&amp;gnature:</source>
        <translation>签名(&amp;G)：</translation>
    </message>
    <message>
        <source>Outgoing server (SMTP)</source>
        <translation>发件服务器（SMTP）</translation>
    </message>
    <message>
        <source>&amp;Server:</source>
        <translation>服务器(&amp;S)：</translation>
    </message>
    <message>
        <source>P&amp;ort:</source>
        <translation>端口(&amp;O)：</translation>
    </message>
    <message>
        <source>Se&amp;curity:</source>
        <translation>连接安全(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>用户名(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Login method:</source>
        <translation>登录方式(&amp;L)：</translation>
    </message>
    <message>
        <source>Password co&amp;mmand:</source>
        <translation>密码命令(&amp;M)：</translation>
    </message>
</context>
<context>
    <name>poplar::ui::ServerDeletionBar</name>
    <message>
        <source>Keep on Server</source>
        <translation>保留在服务器上</translation>
    </message>
    <message>
        <source>1 message will be deleted from the server at the next check.</source>
        <translation>1 封邮件将在下次检查时从服务器上删除。</translation>
    </message>
    <message>
        <source>%1 messages will be deleted from the server at the next check.</source>
        <translation>%1 封邮件将在下次检查时从服务器上删除。</translation>
    </message>
    <message>
        <source>Its copy here was deleted for good.</source>
        <translation>它在本机的副本已被永久删除。</translation>
    </message>
    <message>
        <source>Their copies here were deleted for good.</source>
        <translation>它们在本机的副本已被永久删除。</translation>
    </message>
    <message>
        <source>One of them was deleted here for good.</source>
        <translation>其中 1 封已在本机永久删除。</translation>
    </message>
    <message>
        <source>%1 of them were deleted here for good.</source>
        <translation>其中 %1 封已在本机永久删除。</translation>
    </message>
    <message>
        <source>The account is being checked; its server deletions can be kept once the check is done.</source>
        <translation>正在检查此账户；检查完成后才能取消其服务器上的删除。</translation>
    </message>
    <message>
        <source>Do not delete this message from the server</source>
        <translation>不从服务器上删除这封邮件</translation>
    </message>
    <message>
        <source>Do not delete these messages from the server</source>
        <translation>不从服务器上删除这些邮件</translation>
    </message>
</context>
<context>
    <name>poplar::ui::ServerDeletions</name>
    <message>
        <source>&amp;Keep on Server</source>
        <translation>保留在服务器上(&amp;K)</translation>
    </message>
    <message>
        <source>Do not delete the selected messages from the server at the next check</source>
        <translation>下次检查时不从服务器上删除所选邮件</translation>
    </message>
    <message>
        <source>%1 is being checked; try again when it is done.</source>
        <translation>正在检查 %1，请在检查完成后重试。</translation>
    </message>
    <message>
        <source>1 message stays on the server.</source>
        <translation>1 封邮件将保留在服务器上。</translation>
    </message>
    <message>
        <source>%1 messages stay on the server.</source>
        <translation>%1 封邮件将保留在服务器上。</translation>
    </message>
</context>
<context>
    <name>poplar::ui::SettingsDialog</name>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>删除(&amp;R)…</translation>
    </message>
    <message>
        <source>Accounts:</source>
        <translation>账户：</translation>
    </message>
    <message>
        <source>Remove Account</source>
        <translation>删除账户</translation>
    </message>
    <message>
        <source>Remove account %1? Its downloaded messages are removed from this computer; mail on the server is not touched.</source>
        <translation>要删除账户 %1 吗？该账户已下载的邮件将从本机删除，服务器上的邮件不受影响。</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Cannot Add Account</source>
        <translation>无法添加账户</translation>
    </message>
    <message>
        <source>Cannot Save Account</source>
        <translation>无法保存账户</translation>
    </message>
    <message>
        <source>Cannot Remove Account</source>
        <translation>无法删除账户</translation>
    </message>
    <message>
        <source>Keychain</source>
        <translation>钥匙串</translation>
    </message>
    <message>
        <source>The password of &quot;%1&quot; could not be removed from the system keychain:
%2</source>
        <translation>无法从系统钥匙串中删除“%1”的密码：
%2</translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Move &amp;Down</source>
        <translation>下移(&amp;D)</translation>
    </message>
    <message>
        <source>Cannot Move Account</source>
        <translation>无法移动账户</translation>
    </message>
    <message>
        <source>The account &quot;%1&quot; was saved, but the system keychain did not take its password:
%2

Nothing is stored. Poplar keeps the password in memory until it quits and asks for it after that. Edit the account to choose &quot;Ask when checking mail&quot; or a password command instead.</source>
        <translation>账户“%1”已保存，但系统钥匙串未能保存其密码：
%2

密码未被保存。Poplar 会在退出前将密码保存在内存中，之后再次询问。可编辑该账户，改为选择“收取邮件时询问”或密码命令。</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>账户列表</translation>
    </message>
</context>
<context>
    <name>poplar::ui::SyncProgressPanel</name>
    <message>
        <source>%1 of %2 messages</source>
        <translation>%1 / %2 封邮件</translation>
    </message>
    <message>
        <source>%1 of %2, %3</source>
        <translation>%1 / %2，%3</translation>
    </message>
    <message>
        <source>%1: connecting…</source>
        <translation>%1：正在连接…</translation>
    </message>
    <message>
        <source>Stop checking %1 (what was received is kept)</source>
        <translation>停止检查 %1（已收取的邮件会保留）</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>%1: stopping…</source>
        <translation>%1：正在停止…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: the server allows the next login in 1 second…</source>
        <translation>%1：服务器将在 1 秒后允许再次登录…</translation>
    </message>
    <message numerus="yes">
        <source>%1: the server allows the next login in %n seconds…</source>
        <translation>
            <numerusform>%1：服务器将在 %n 秒后允许再次登录…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>poplar::ui::TagActions</name>
    <message>
        <source>Ta&amp;g</source>
        <translation>标签(&amp;G)</translation>
    </message>
    <message>
        <source>Tagging messages</source>
        <translation>正在为邮件添加标签</translation>
    </message>
    <message>
        <source>Removing a tag</source>
        <translation>正在移除标签</translation>
    </message>
    <message>
        <source>&amp;Edit Tags…</source>
        <translation>编辑标签(&amp;E)…</translation>
    </message>
</context>
<context>
    <name>poplar::ui::TagsDialog</name>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>重命名(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Colour…</source>
        <translation>颜色(&amp;C)…</translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <source>Move D&amp;own</source>
        <translation>下移(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>删除(&amp;D)…</translation>
    </message>
    <message>
        <source>Edit Tags</source>
        <translation>编辑标签</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>&amp;Tags (keys 1 to 5 put the first five on the selected messages):</source>
        <translation>标签(&amp;T)（按键 1 到 5 给所选邮件加上前五个标签）：</translation>
    </message>
    <message>
        <source>Name of a new tag</source>
        <translation>新标签的名称</translation>
    </message>
    <message>
        <source>New tag name</source>
        <translation>新标签名称</translation>
    </message>
    <message>
        <source>&amp;New tag:</source>
        <translation>新标签(&amp;N)：</translation>
    </message>
    <message>
        <source>Key %1, colour %2; filters call it %3</source>
        <translation>按键 %1，颜色 %2；过滤器中称为 %3</translation>
    </message>
    <message>
        <source>Colour %1; filters call it %2</source>
        <translation>颜色 %1；过滤器中称为 %2</translation>
    </message>
    <message>
        <source>Colour of “%1”</source>
        <translation>“%1”的颜色</translation>
    </message>
    <message>
        <source>Delete Tag</source>
        <translation>删除标签</translation>
    </message>
    <message>
        <source>Delete the tag “%1”?</source>
        <translation>删除标签“%1”？</translation>
    </message>
    <message>
        <source>1 message carries this tag. It will be taken off it; the message itself stays.</source>
        <translation>有 1 封邮件带有此标签。标签会从这封邮件上去掉，邮件本身保留。</translation>
    </message>
    <message>
        <source>%1 messages carry this tag. It will be taken off them; the messages themselves stay.</source>
        <translation>有 %1 封邮件带有此标签。标签会从这些邮件上去掉，邮件本身保留。</translation>
    </message>
    <message>
        <source>&amp;Delete Tag</source>
        <translation>删除标签(&amp;D)</translation>
    </message>
    <message>
        <source>Deleting a tag</source>
        <translation>正在删除标签</translation>
    </message>
</context>
<context>
    <name>poplar::ui::TrayNotifier</name>
    <message>
        <source>&amp;Show Poplar</source>
        <translation>显示 Poplar(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>Poplar</source>
        <translation>Poplar</translation>
    </message>
    <message>
        <source>Poplar — no unread mail</source>
        <translation>Poplar — 没有未读邮件</translation>
    </message>
    <message>
        <source>Poplar — 1 unread message</source>
        <translation>Poplar — 1 封未读邮件</translation>
    </message>
    <message>
        <source>Poplar — %1 unread messages</source>
        <translation>Poplar — %1 封未读邮件</translation>
    </message>
    <message>
        <source>New message</source>
        <translation>新邮件</translation>
    </message>
    <message>
        <source>%1 new messages</source>
        <translation>%1 封新邮件</translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation>（无主题）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Newest: %1: %2</source>
        <translation>最新：%1：%2</translation>
    </message>
</context>
<context>
    <name>poplar::ui::WindowOptions</name>
    <message>
        <source>Message Pane &amp;Beside the List</source>
        <translation>邮件窗格位于列表右侧(&amp;B)</translation>
    </message>
    <message>
        <source>Work &amp;Offline</source>
        <translation>脱机工作(&amp;O)</translation>
    </message>
    <message>
        <source>Start no check for mail until this is turned off</source>
        <translation>关闭此项之前不检查新邮件</translation>
    </message>
    <message>
        <source>&amp;Threaded Conversations</source>
        <translation>按会话分组(&amp;T)</translation>
    </message>
    <message>
        <source>Group replies under the message they answer</source>
        <translation>把回复归到它所回复的邮件下面</translation>
    </message>
</context>
<context>
    <name>poplarctl</name>
    <message>
        <source>poplarctl account add: add a POP3 account; prints its id.</source>
        <translation>poplarctl account add：添加一个 POP3 账户，并输出其编号。</translation>
    </message>
    <message>
        <source>Display name.</source>
        <translation>显示名称。</translation>
    </message>
    <message>
        <source>E-mail address.</source>
        <translation>电子邮件地址。</translation>
    </message>
    <message>
        <source>POP3 server.</source>
        <translation>POP3 服务器。</translation>
    </message>
    <message>
        <source>Port (default 995 for tls, else 110).</source>
        <translation>端口（tls 默认为 995，其他为 110）。</translation>
    </message>
    <message>
        <source>tls, starttls or none.</source>
        <translation>tls、starttls 或 none。</translation>
    </message>
    <message>
        <source>User name.</source>
        <translation>用户名。</translation>
    </message>
    <message>
        <source>Shell command whose first output line is the password.</source>
        <translation>一条 shell 命令，其输出的第一行即为密码。</translation>
    </message>
    <message>
        <source>Keep the password in the system keychain; it is read from stdin.</source>
        <translation>将密码保存在系统钥匙串中；密码从标准输入读取。</translation>
    </message>
    <message>
        <source>auto (default), user, apop, plain, login, cram-md5, scram-sha-1, scram-sha-256, xoauth2, oauthbearer.</source>
        <translation>auto（默认）、user、apop、plain、login、cram-md5、scram-sha-1、scram-sha-256、xoauth2、oauthbearer。</translation>
    </message>
    <message>
        <source>yes (default) or no.</source>
        <translation>yes（默认）或 no。</translation>
    </message>
    <message>
        <source>0 (default) is never.</source>
        <translation>0（默认）表示从不。</translation>
    </message>
    <message>
        <source>yes (default) or no: the GUI checks at start-up.</source>
        <translation>yes（默认）或 no：图形界面是否在启动时检查邮件。</translation>
    </message>
    <message>
        <source>How often the GUI checks; 0 is only on request (default 10).</source>
        <translation>图形界面检查邮件的间隔（分钟）；0 表示只在手动请求时检查（默认 10）。</translation>
    </message>
    <message>
        <source>0 (default) is no limit.</source>
        <translation>0（默认）表示不限制。</translation>
    </message>
    <message>
        <source>Also trust the CA certificates in this PEM file.</source>
        <translation>同时信任此 PEM 文件中的 CA 证书。</translation>
    </message>
    <message>
        <source>Trust the certificate with this SHA-256.</source>
        <translation>信任 SHA-256 指纹为此值的证书。</translation>
    </message>
    <message>
        <source>account add needs --host, --security and --user</source>
        <translation>account add 需要 --host、--security 和 --user</translation>
    </message>
    <message>
        <source>--security must be tls, starttls or none</source>
        <translation>--security 必须是 tls、starttls 或 none</translation>
    </message>
    <message>
        <source>--port must be a number from 1 to 65535</source>
        <translation>--port 必须是 1 到 65535 之间的数字</translation>
    </message>
    <message>
        <source>give exactly one of --password-command and --password-keychain</source>
        <translation>--password-command 和 --password-keychain 必须指定其中一个，且只能指定一个</translation>
    </message>
    <message>
        <source>unknown --auth method &quot;%1&quot;</source>
        <translation>未知的 --auth 登录方式“%1”</translation>
    </message>
    <message>
        <source>--%1 must be yes or no</source>
        <translation>--%1 必须是 yes 或 no</translation>
    </message>
    <message>
        <source>--%1 must be a whole number, 0 or more</source>
        <translation>--%1 必须是大于或等于 0 的整数</translation>
    </message>
    <message>
        <source>the CA file %1 does not exist</source>
        <translation>CA 文件 %1 不存在</translation>
    </message>
    <message>
        <source>--password-keychain reads the password from standard input; none was given</source>
        <translation>--password-keychain 从标准输入读取密码，但没有提供密码</translation>
    </message>
    <message>
        <source>The keychain did not answer</source>
        <translation>钥匙串没有响应</translation>
    </message>
    <message>
        <source>The account was not added. Without a working keychain, give --password-command CMD (the first line CMD prints is the password), or add the account in Poplar and choose &quot;Ask when checking mail&quot;.</source>
        <translation>账户未添加。没有可用的钥匙串时，请使用 --password-command CMD（CMD 输出的第一行即为密码），或在 Poplar 中添加账户并选择“收取邮件时询问”。</translation>
    </message>
    <message>
        <source>poplarctl account list: the accounts, without passwords.</source>
        <translation>poplarctl account list：列出账户（不含密码）。</translation>
    </message>
    <message>
        <source>poplarctl account remove: remove an account and its downloaded messages from this computer (the server is not touched).</source>
        <translation>poplarctl account remove：从本机删除一个账户及其已下载的邮件（不会改动服务器）。</translation>
    </message>
    <message>
        <source>The account id.</source>
        <translation>账户编号。</translation>
    </message>
    <message>
        <source>There is no account %1</source>
        <translation>不存在账户 %1</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;; see &apos;poplarctl --help&apos;</source>
        <translation>未知命令“%1”；请参阅 &apos;poplarctl --help&apos;</translation>
    </message>
    <message>
        <source>poplarctl import: copy the messages of an mbox file or a Maildir into a local folder (list it with &apos;list --folder local:NAME&apos;). Messages already in that folder are skipped, so importing twice adds nothing.</source>
        <translation>poplarctl import：将 mbox 文件或 Maildir 中的邮件复制到本地文件夹（用 &apos;list --folder local:NAME&apos; 列出）。该文件夹中已有的邮件会被跳过，因此重复导入不会增加任何邮件。</translation>
    </message>
    <message>
        <source>The local folder (default: the mbox file&apos;s name without its extension, or the Maildir&apos;s folder name).</source>
        <translation>本地文件夹（默认为不含扩展名的 mbox 文件名，或 Maildir 的文件夹名）。</translation>
    </message>
    <message>
        <source>mbox or maildir.</source>
        <translation>mbox 或 maildir。</translation>
    </message>
    <message>
        <source>The mbox file or the Maildir folder.</source>
        <translation>mbox 文件或 Maildir 文件夹。</translation>
    </message>
    <message>
        <source>the format must be mbox or maildir</source>
        <translation>格式必须是 mbox 或 maildir</translation>
    </message>
    <message>
        <source>--folder needs a name</source>
        <translation>--folder 需要一个名称</translation>
    </message>
    <message>
        <source>%1 imported, %2 skipped</source>
        <translation>已导入 %1 封，跳过 %2 封</translation>
    </message>
    <message>
        <source>poplarctl export-folder: write a folder&apos;s messages, oldest first, to an mbox file (mboxrd, LF line endings). The file appears only when complete.</source>
        <translation>poplarctl export-folder：将一个文件夹中的邮件按从旧到新的顺序写入 mbox 文件（mboxrd 格式，LF 换行）。文件只在写入完成后才会出现。</translation>
    </message>
    <message>
        <source>The mbox file to write (replaced if it exists).</source>
        <translation>要写入的 mbox 文件（已存在时会被替换）。</translation>
    </message>
    <message>
        <source>inbox or trash (of every account), or a local folder&apos;s name (local:NAME for one called inbox or trash).</source>
        <translation>inbox 或 trash（所有账户的），或本地文件夹的名称（本地文件夹名为 inbox 或 trash 时，请写作 local:NAME）。</translation>
    </message>
    <message>
        <source>FOLDER must be inbox, trash, a local folder&apos;s name or local:NAME</source>
        <translation>FOLDER 必须是 inbox、trash、本地文件夹名称或 local:NAME</translation>
    </message>
    <message>
        <source>export-folder needs --mbox FILE</source>
        <translation>export-folder 需要 --mbox FILE</translation>
    </message>
    <message>
        <source>message %1 has only its headers here (&apos;poplarctl fetch %1&apos; downloads the rest); skipped</source>
        <translation>邮件 %1 在本机只有邮件头（&apos;poplarctl fetch %1&apos; 可下载其余部分）；已跳过</translation>
    </message>
    <message>
        <source>%1 exported, %2 skipped</source>
        <translation>已导出 %1 封，跳过 %2 封</translation>
    </message>
    <message>
        <source>poplarctl list: the messages of a folder, newest first.</source>
        <translation>poplarctl list：列出文件夹中的邮件，最新的在前。</translation>
    </message>
    <message>
        <source>poplarctl export: the message&apos;s raw bytes on stdout.</source>
        <translation>poplarctl export：将邮件的原始字节写到标准输出。</translation>
    </message>
    <message>
        <source>poplarctl show: a message as the reader shows it.</source>
        <translation>poplarctl show：按阅读窗格中的样子显示一封邮件。</translation>
    </message>
    <message>
        <source>poplarctl pending: what the next sync will delete from the servers, and why.</source>
        <translation>poplarctl pending：列出下次同步将从服务器删除的邮件及其原因。</translation>
    </message>
    <message>
        <source>Words to find; quote several.</source>
        <translation>要查找的词；多个词请用引号括起来。</translation>
    </message>
    <message>
        <source>poplarctl render: show an .eml file as the reader would; needs no profile.</source>
        <translation>poplarctl render：按阅读窗格中的样子显示 .eml 文件；不需要配置文件。</translation>
    </message>
    <message>
        <source>An RFC 5322 message.</source>
        <translation>一封 RFC 5322 格式的邮件。</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>%1 is larger than 256 MB</source>
        <translation>%1 大于 256 MB</translation>
    </message>
    <message>
        <source>poplarctl empty-trash: delete what is in Trash from this computer (queued server deletions still happen at the next sync).</source>
        <translation>poplarctl empty-trash：从本机删除废纸篓中的邮件（已排队的服务器删除仍会在下次同步时执行）。</translation>
    </message>
    <message>
        <source>Only this account&apos;s Trash.</source>
        <translation>仅限此账户的废纸篓。</translation>
    </message>
    <message numerus="yes">
        <source>%n deleted</source>
        <translation>
            <numerusform>已删除 %n 封</numerusform>
        </translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a message id</source>
        <translation>“%1”不是邮件编号</translation>
    </message>
    <message>
        <source>Subject: %1</source>
        <translation>主题：%1</translation>
    </message>
    <message>
        <source>From: %1</source>
        <translation>发件人：%1</translation>
    </message>
    <message>
        <source>To: %1</source>
        <translation>收件人：%1</translation>
    </message>
    <message>
        <source>Cc: %1</source>
        <translation>抄送：%1</translation>
    </message>
    <message>
        <source>Date: %1</source>
        <translation>日期：%1</translation>
    </message>
    <message numerus="yes">
        <source>Attachment: %1 (%2, %n bytes)</source>
        <translation>
            <numerusform>附件：%1（%2，%n 字节）</numerusform>
        </translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>警告：%1</translation>
    </message>
    <message>
        <source>--format must be one of: %1</source>
        <translation>--format 必须是以下之一：%1</translation>
    </message>
    <message>
        <source>There is no local folder %1</source>
        <translation>不存在本地文件夹 %1</translation>
    </message>
    <message>
        <source>text (default) or json.</source>
        <translation>text（默认）或 json。</translation>
    </message>
    <message>
        <source>From &apos;poplarctl list&apos;.</source>
        <translation>来自 &apos;poplarctl list&apos;。</translation>
    </message>
    <message>
        <source>expected no arguments: %1</source>
        <translation>此命令不接受参数：%1</translation>
    </message>
    <message>
        <source>expected %1: %2</source>
        <translation>需要参数 %1：%2</translation>
    </message>
    <message>
        <source>Only this account.</source>
        <translation>仅限此账户。</translation>
    </message>
    <message>
        <source>Write the protocol log (no credentials) to FILE.</source>
        <translation>将协议日志（不含凭据）写入 FILE。</translation>
    </message>
    <message>
        <source>no accounts; add one with &apos;poplarctl account add&apos;</source>
        <translation>没有账户；请用 &apos;poplarctl account add&apos; 添加</translation>
    </message>
    <message>
        <source>Cannot write the log file %1: %2</source>
        <translation>无法写入日志文件 %1：%2</translation>
    </message>
    <message>
        <source>%1: waiting %2 s, as the server allows logins only so often (LOGIN-DELAY)</source>
        <translation>%1：正在等待 %2 秒，因为服务器限制了登录频率（LOGIN-DELAY）</translation>
    </message>
    <message>
        <source>%1: note: the server deletes messages once they are downloaded (EXPIRE 0), so &quot;leave on server&quot; has no effect there</source>
        <translation>%1：注意：服务器会在邮件下载后将其删除（EXPIRE 0），因此“在服务器上保留邮件”对该服务器不起作用</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n new message(s)</source>
        <translation>
            <numerusform>%1：%n 封新邮件</numerusform>
        </translation>
    </message>
    <message>
        <source>poplarctl fetch: download the rest of a message that was stored headers-only because of the account&apos;s size limit.</source>
        <translation>poplarctl fetch：下载因账户的大小限制而只保存了邮件头的邮件的其余部分。</translation>
    </message>
    <message>
        <source>The message&apos;s account no longer exists</source>
        <translation>该邮件所属的账户已不存在</translation>
    </message>
    <message>
        <source>Keep settings and mail in DIR.</source>
        <translation>将设置和邮件保存在 DIR 中。</translation>
    </message>
    <message>
        <source>What to do.</source>
        <translation>要执行的操作。</translation>
    </message>
    <message>
        <source>poplarctl check: look the mail cache over without changing it: SQLite&apos;s integrity check, then Poplar&apos;s own (every message has its bytes, every downloaded message its download record, deleted mail has left the search index). Exit 0 when it is healthy, 1 when it is not.</source>
        <translation>poplarctl check：检查邮件缓存而不做任何改动：先做 SQLite 的完整性检查，再做 Poplar 自己的检查（每封邮件都有其数据，每封已下载的邮件都有下载记录，已删除的邮件已从搜索索引中移除）。缓存完好时以 0 退出，否则以 1 退出。</translation>
    </message>
    <message>
        <source>poplarctl compact: give the space deleted mail left inside the mail cache back to the disk (SQLite&apos;s VACUUM). Needs free disk space about twice the mail kept, checks for it first, and changes nothing if it is not there. Poplar must not be running on the profile.</source>
        <translation>poplarctl compact：把已删除邮件在邮件缓存中留下的空间归还给磁盘（SQLite 的 VACUUM）。需要约为所存邮件两倍的可用磁盘空间，会先检查，空间不足时不做任何改动。运行时不能有 Poplar 正在使用该配置文件。</translation>
    </message>
    <message>
        <source>Compacted the mail cache: %1 before, %2 after (%3 given back to the disk)</source>
        <translation>邮件缓存已压缩：压缩前 %1，压缩后 %2（归还磁盘 %3）</translation>
    </message>
    <message>
        <source>indexing: %1 of %2 messages</source>
        <translation>正在建立索引：%1 / %2 封邮件</translation>
    </message>
    <message>
        <source>poplarctl search: messages whose subject, addresses or text contain every word of QUERY (word beginnings match too), newest first.

Mail is indexed for search in the background after it arrives. A search first indexes what is not indexed yet for at most --index-seconds, then answers from what is indexed; if that is not everything, stderr says how far indexing is. --wait-for-index indexes everything first.</source>
        <translation>poplarctl search：查找主题、地址或正文包含 QUERY 中每个词的邮件（也匹配词首），最新的在前。

邮件到达后会在后台为搜索建立索引。搜索会先为尚未建立索引的邮件建立索引，最多 --index-seconds 秒，然后从已建立索引的邮件中给出结果；如果尚未全部建立索引，标准错误会说明进度。--wait-for-index 会先为全部邮件建立索引。</translation>
    </message>
    <message>
        <source>At most N messages (default 500).</source>
        <translation>最多 N 封邮件（默认 500）。</translation>
    </message>
    <message>
        <source>Show the K-th N messages (default 1: the newest).</source>
        <translation>显示第 K 组 N 封邮件（默认 1：最新的一组）。</translation>
    </message>
    <message>
        <source>Index mail not indexed yet for at most S seconds first (default 5; 0: search only what is indexed).</source>
        <translation>先为尚未建立索引的邮件建立索引，最多 S 秒（默认 5；0：只搜索已建立索引的邮件）。</translation>
    </message>
    <message>
        <source>Index every message first, however long it takes (progress on stderr).</source>
        <translation>先为所有邮件建立索引，无论需要多长时间（进度输出到标准错误）。</translation>
    </message>
    <message>
        <source>--limit and --page take a number from 1, --index-seconds one from 0</source>
        <translation>--limit 和 --page 需要从 1 起的数字，--index-seconds 需要从 0 起的数字</translation>
    </message>
    <message>
        <source>%1 messages match; these are %2-%3, newest first</source>
        <translation>共有 %1 封邮件匹配；这里是第 %2–%3 封，最新的在前</translation>
    </message>
    <message>
        <source>%1 (--page %2 shows the next)</source>
        <translation>%1（--page %2 显示下一页）</translation>
    </message>
    <message>
        <source>%1 of %2 messages are indexed so far, and these results cover only them; search again to index more, or add --wait-for-index</source>
        <translation>目前 %2 封邮件中已有 %1 封建立了索引，以上结果仅涵盖这些邮件；再次搜索可索引更多邮件，或加上 --wait-for-index</translation>
    </message>
    <message>
        <source>poplarctl restore: move messages from Trash back to the Inbox, and cancel their queued server deletions.</source>
        <translation>poplarctl restore：将邮件从废纸篓移回收件箱，并取消已排队的服务器删除。</translation>
    </message>
    <message>
        <source>poplarctl delete: move messages to Trash (as Delete in the window); where the account says so, their server copies are deleted at the next sync.</source>
        <translation>poplarctl delete：将邮件移到废纸篓（与窗口中的“删除”相同）；如果账户如此设置，其服务器副本将在下次同步时删除。</translation>
    </message>
    <message>
        <source>There is no message %1</source>
        <translation>不存在邮件 %1</translation>
    </message>
    <message>
        <source>One or more, from &apos;poplarctl list&apos;.</source>
        <translation>一个或多个，来自 &apos;poplarctl list&apos;。</translation>
    </message>
    <message>
        <source>The sender name mail from it shows.</source>
        <translation>从该账户发出的邮件显示的发件人姓名。</translation>
    </message>
    <message>
        <source>The sender address (default: --email).</source>
        <translation>发件人地址（默认：--email）。</translation>
    </message>
    <message>
        <source>Where replies should go.</source>
        <translation>回复应发往的地址。</translation>
    </message>
    <message>
        <source>A signature (UTF-8 text) put under new messages.</source>
        <translation>放在新邮件下方的签名（UTF-8 文本）。</translation>
    </message>
    <message>
        <source>The outgoing (SMTP) server.</source>
        <translation>发件（SMTP）服务器。</translation>
    </message>
    <message>
        <source>Its port (default 465 for tls, else 587).</source>
        <translation>其端口（tls 默认 465，否则 587）。</translation>
    </message>
    <message>
        <source>tls, starttls (default) or none.</source>
        <translation>tls、starttls（默认）或 none。</translation>
    </message>
    <message>
        <source>Its user name (default: --user).</source>
        <translation>其用户名（默认：--user）。</translation>
    </message>
    <message>
        <source>auto (default), plain, login, cram-md5, scram-sha-1, scram-sha-256, xoauth2, oauthbearer, or none (no login).</source>
        <translation>auto（默认）、plain、login、cram-md5、scram-sha-1、scram-sha-256、xoauth2、oauthbearer，或 none（不登录）。</translation>
    </message>
    <message>
        <source>Its own password command (default: the POP3 password).</source>
        <translation>其专用的密码命令（默认：使用 POP3 密码）。</translation>
    </message>
    <message>
        <source>Trust the outgoing server&apos;s certificate with this SHA-256.</source>
        <translation>信任具有此 SHA-256 的发件服务器证书。</translation>
    </message>
    <message>
        <source>cannot read the signature file %1</source>
        <translation>无法读取签名文件 %1</translation>
    </message>
    <message>
        <source>--%1 needs --smtp-host</source>
        <translation>--%1 需要同时给出 --smtp-host</translation>
    </message>
    <message>
        <source>--smtp-security must be tls, starttls or none</source>
        <translation>--smtp-security 必须是 tls、starttls 或 none</translation>
    </message>
    <message>
        <source>--smtp-port must be a number from 1 to 65535</source>
        <translation>--smtp-port 必须是 1 到 65535 之间的数字</translation>
    </message>
    <message>
        <source>unknown --smtp-auth method &quot;%1&quot;</source>
        <translation>未知的 --smtp-auth 方式“%1”</translation>
    </message>
    <message>
        <source>inbox (default), trash, sent, drafts, outbox, or local:NAME (a folder of imported mail).</source>
        <translation>inbox（默认）、trash、sent、drafts、outbox 或 local:NAME（存放导入邮件的文件夹）。</translation>
    </message>
    <message>
        <source>--folder must be inbox, trash, sent, drafts, outbox or local:NAME</source>
        <translation>--folder 必须是 inbox、trash、sent、drafts、outbox 或 local:NAME</translation>
    </message>
    <message>
        <source>--%1: &quot;%2&quot; is not an e-mail address</source>
        <translation>--%1：“%2”不是电子邮件地址</translation>
    </message>
    <message>
        <source>Account %1 has no outgoing server; set one with &apos;poplarctl account add --smtp-host ...&apos; or in Poplar</source>
        <translation>账户 %1 没有发件服务器；请用 &apos;poplarctl account add --smtp-host ...&apos; 或在 Poplar 中设置</translation>
    </message>
    <message>
        <source>%1 [it may have arrived already]</source>
        <translation>%1 [对方可能已经收到]</translation>
    </message>
    <message>
        <source>The message left the Outbox</source>
        <translation>邮件已不在发件箱中</translation>
    </message>
    <message>
        <source>message %1 may have been sent already: an earlier attempt lost the connection after the whole message had gone out</source>
        <translation>邮件 %1 可能已经发送过：之前的一次尝试在整封邮件发出后断开了连接</translation>
    </message>
    <message>
        <source>not sent, message %1 stays in the Outbox: %2</source>
        <translation>未发送，邮件 %1 留在发件箱中：%2</translation>
    </message>
    <message>
        <source>queued: message %1 waits in the Outbox and goes at the next connection: %2</source>
        <translation>已排队：邮件 %1 在发件箱中等待，下次连接时发送：%2</translation>
    </message>
    <message>
        <source>message %1 was sent, and may have been sent already: an earlier attempt lost the connection after the whole message had gone out</source>
        <translation>邮件 %1 已发送，且可能之前已发送过：之前的一次尝试在整封邮件发出后断开了连接</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n message(s) sent</source>
        <translation>
            <numerusform>%1：已发送 %n 封邮件</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: sending: %2</source>
        <translation>%1：发送：%2</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n message(s) refused and kept in the Outbox (&apos;poplarctl outbox&apos; says why)</source>
        <translation>
            <numerusform>%1：%n 封邮件被拒收，保留在发件箱中（&apos;poplarctl outbox&apos; 会说明原因）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n message(s) waiting in the Outbox for the next attempt (&apos;poplarctl outbox&apos; says why)</source>
        <translation>
            <numerusform>%1：%n 封邮件在发件箱中等待下次尝试（&apos;poplarctl outbox&apos; 会说明原因）</numerusform>
        </translation>
    </message>
    <message>
        <source>poplarctl send: write a message and send it; exit 1 when it waits in the Outbox (&quot;queued&quot;) or was refused.</source>
        <translation>poplarctl send：写一封邮件并发送；邮件在发件箱中等待（“queued”）或被拒收时以 1 退出。</translation>
    </message>
    <message>
        <source>The account to send from.</source>
        <translation>用于发送的账户。</translation>
    </message>
    <message>
        <source>A recipient (repeat, or separate with commas).</source>
        <translation>收件人（可重复，或用逗号分隔）。</translation>
    </message>
    <message>
        <source>A copy recipient.</source>
        <translation>抄送收件人。</translation>
    </message>
    <message>
        <source>A hidden recipient (in no header).</source>
        <translation>密送收件人（不出现在任何邮件头中）。</translation>
    </message>
    <message>
        <source>The subject.</source>
        <translation>主题。</translation>
    </message>
    <message>
        <source>The text, UTF-8 (&apos;-&apos;: standard input).</source>
        <translation>正文，UTF-8（&apos;-&apos;：标准输入）。</translation>
    </message>
    <message>
        <source>Attach a file (repeat for more).</source>
        <translation>附加文件（可重复以附加多个）。</translation>
    </message>
    <message>
        <source>send needs --account, --to and --body-file</source>
        <translation>send 需要 --account、--to 和 --body-file</translation>
    </message>
    <message>
        <source>poplarctl forward: forward a message, inline or as an attachment (the original byte for byte).</source>
        <translation>poplarctl forward：转发邮件，可内嵌或作为附件（原件逐字节不变）。</translation>
    </message>
    <message>
        <source>poplarctl reply: answer a message; the text is put above the quoted original.</source>
        <translation>poplarctl reply：回复邮件；正文放在引用的原文上方。</translation>
    </message>
    <message>
        <source>Send from this account (default: the message&apos;s own).</source>
        <translation>从此账户发送（默认：邮件所属的账户）。</translation>
    </message>
    <message>
        <source>Your text, UTF-8 (&apos;-&apos;: standard input).</source>
        <translation>您的正文，UTF-8（&apos;-&apos;：标准输入）。</translation>
    </message>
    <message>
        <source>Attach the original message instead of quoting it.</source>
        <translation>附上原邮件，而不是引用它。</translation>
    </message>
    <message>
        <source>Reply to everyone (you left out).</source>
        <translation>回复所有人（不含您自己）。</translation>
    </message>
    <message>
        <source>forward needs --to</source>
        <translation>forward 需要 --to</translation>
    </message>
    <message>
        <source>reply needs --body-file</source>
        <translation>reply 需要 --body-file</translation>
    </message>
    <message>
        <source>Message %1 was stored headers-only; download the rest first with &apos;poplarctl fetch %1&apos;</source>
        <translation>邮件 %1 只保存了邮件头；请先用 &apos;poplarctl fetch %1&apos; 下载其余部分</translation>
    </message>
    <message>
        <source>poplarctl outbox: what waits to be sent, and why.</source>
        <translation>poplarctl outbox：等待发送的邮件及原因。</translation>
    </message>
    <message>
        <source>Also list what was sent.</source>
        <translation>同时列出已发送的邮件。</translation>
    </message>
    <message>
        <source>Send what waits now.</source>
        <translation>立即发送等待中的邮件。</translation>
    </message>
    <message>
        <source>Queue a refused message again.</source>
        <translation>将被拒收的邮件重新排队。</translation>
    </message>
    <message>
        <source>Delete a message that waits, unsent.</source>
        <translation>删除一封等待中的邮件，不发送。</translation>
    </message>
    <message>
        <source>poplarctl sync: download new mail and send what waits in the Outbox; exit 0 only if every account synced and nothing is left waiting.</source>
        <translation>poplarctl sync：下载新邮件并发送发件箱中等待的邮件；仅当所有账户都同步成功且没有邮件仍在等待时以 0 退出。</translation>
    </message>
    <message>
        <source>poplarctl pdf: a message as the reader shows it (remote content left out), written to FILE as a PDF.</source>
        <translation>poplarctl pdf：按阅读窗口显示的样子（不含远程内容）把邮件写成 PDF 文件 FILE。</translation>
    </message>
    <message>
        <source>poplarctl filters check: read filters.sieve and say whether it is correct; errors give their line. Exit 0 when it is correct or absent, 1 when it is not.</source>
        <translation>poplarctl filters check：读取 filters.sieve 并说明它是否正确；错误会给出所在行。正确或不存在时以 0 退出，否则以 1 退出。</translation>
    </message>
    <message>
        <source>There is no %1: every message stays in the Inbox.
</source>
        <translation>没有 %1：所有邮件都留在收件箱中。
</translation>
    </message>
    <message>
        <source>Until this is corrected, no filter runs and new mail stays in the Inbox.</source>
        <translation>在改正之前，不会运行任何过滤器，新邮件留在收件箱中。</translation>
    </message>
    <message numerus="yes">
        <source>%1 is correct: %n rule(s).
</source>
        <translation>
            <numerusform>%1 正确：共 %n 条规则。
</numerusform>
        </translation>
    </message>
    <message>
        <source>It files into: %1
</source>
        <translation>它归档到：%1
</translation>
    </message>
    <message>
        <source>poplarctl filters run: apply filters.sieve to the mail already in a folder. Messages no rule matches stay where they are.</source>
        <translation>poplarctl filters run：对文件夹中已有的邮件运行 filters.sieve。没有规则匹配的邮件留在原处。</translation>
    </message>
    <message>
        <source>inbox, trash, or (with --account) a folder filters file into.</source>
        <translation>inbox、trash，或（配合 --account）过滤器归档的文件夹。</translation>
    </message>
    <message>
        <source>Only this account&apos;s messages.</source>
        <translation>只处理该账户的邮件。</translation>
    </message>
    <message>
        <source>FOLDER must be inbox or trash, or a folder of the account given with --account</source>
        <translation>FOLDER 必须是 inbox 或 trash，或者是用 --account 指定的账户的文件夹</translation>
    </message>
    <message>
        <source>There is no %1 to run</source>
        <translation>没有可运行的 %1</translation>
    </message>
    <message>
        <source>flags only</source>
        <translation>仅标记</translation>
    </message>
    <message>
        <source>rule on line %1</source>
        <translation>第 %1 行的规则</translation>
    </message>
    <message>
        <source>rule &apos;%1&apos;</source>
        <translation>规则“%1”</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) would change.</source>
        <translation>
            <numerusform>将有 %n 封邮件改变。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) changed.</source>
        <translation>
            <numerusform>已改变 %n 封邮件。</numerusform>
        </translation>
    </message>
    <message>
        <source>Junk or not.</source>
        <translation>是否为垃圾邮件。</translation>
    </message>
    <message>
        <source>expected yes or no, not &quot;%1&quot;</source>
        <translation>应为 yes 或 no，而不是 &quot;%1&quot;</translation>
    </message>
    <message>
        <source>Only received mail can be marked as junk</source>
        <translation>只有收到的邮件才能标记为垃圾邮件</translation>
    </message>
    <message>
        <source>filters needs one of: check, run</source>
        <translation>filters 需要以下之一：check、run</translation>
    </message>
    <message>
        <source>poplarctl account edit: change an account; only the options given change (the same options as account add).</source>
        <translation>poplarctl account edit：修改账户；只修改给出的选项（选项与 account add 相同）。</translation>
    </message>
    <message>
        <source>give at most one of --password-command and --password-keychain</source>
        <translation>--password-command 和 --password-keychain 最多只能给出一个</translation>
    </message>
    <message>
        <source>account needs one of: add, edit, list, remove</source>
        <translation>account 需要以下子命令之一：add、edit、list、remove</translation>
    </message>
    <message>
        <source>%1 profile: %2</source>
        <translation>%1 配置文件：%2</translation>
    </message>
    <message>
        <source>It is in use (the program may be running): it was read, not changed; mail it receives from now on is not imported.</source>
        <translation>它正在使用中（该程序可能正在运行）：只读取，未修改；它今后收到的邮件不会被导入。</translation>
    </message>
    <message>
        <source>would be added</source>
        <translation>将被添加</translation>
    </message>
    <message>
        <source>already here as %1</source>
        <translation>已存在，编号 %1</translation>
    </message>
    <message>
        <source>added as %1</source>
        <translation>已添加，编号 %1</translation>
    </message>
    <message numerus="yes">
        <source>Account &quot;%1&quot; (%2@%3:%4, %5): %6; %n message(s) it downloaded recorded</source>
        <translation>
            <numerusform>账户“%1”（%2@%3:%4，%5）：%6；已记录它下载过的 %n 封邮件</numerusform>
        </translation>
    </message>
    <message>
        <source>local:%1</source>
        <translation>local:%1</translation>
    </message>
    <message>
        <source>%1 (the Inbox of account %2)</source>
        <translation>%1（账户 %2 的收件箱）</translation>
    </message>
    <message>
        <source>%1: %2 imported, %3 already here, %4 skipped, %5 deleted there</source>
        <translation>%1：导入 %2 封，已存在 %3 封，跳过 %4 封，在原程序中已删除 %5 封</translation>
    </message>
    <message>
        <source>Would import %1 messages (%2 already here, %3 skipped)</source>
        <translation>将导入 %1 封邮件（已存在 %2 封，跳过 %3 封）</translation>
    </message>
    <message>
        <source>%1 imported, %2 already here, %3 skipped</source>
        <translation>导入 %1 封，已存在 %2 封，跳过 %3 封</translation>
    </message>
    <message>
        <source>poplarctl import-profile: move in from another mail program: its POP3 accounts (without passwords), its folders as local folders with the same nesting, read and flagged state, and what it downloaded, so that the next sync fetches nothing twice. Importing twice adds nothing.</source>
        <translation>poplarctl import-profile：从其他邮件程序迁移过来：它的 POP3 账户（不含密码）、以相同层级导入为本地文件夹的文件夹、已读和标记状态，以及它已下载的邮件记录，使下次同步不会重复下载。导入两次不会增加任何内容。</translation>
    </message>
    <message>
        <source>The profile (default: where the program keeps it).</source>
        <translation>配置文件（默认：该程序保存它的位置）。</translation>
    </message>
    <message>
        <source>Say what would be imported; change nothing.</source>
        <translation>说明将导入什么；不做任何修改。</translation>
    </message>
    <message>
        <source>Only this account&apos;s messages; --folder may then name a folder its filters file into.</source>
        <translation>只列出该账户的邮件；此时 --folder 可以指定其过滤器归档的文件夹。</translation>
    </message>
    <message>
        <source>poplarctl tag: put a tag on a message (a name not yet known adds a tag), or take it off with --remove.</source>
        <translation>poplarctl tag：给邮件加上标签（尚不存在的名称会新建标签），或用 --remove 去掉标签。</translation>
    </message>
    <message>
        <source>Take the tag off instead.</source>
        <translation>改为去掉该标签。</translation>
    </message>
    <message>
        <source>a tag needs a name</source>
        <translation>标签需要名称</translation>
    </message>
    <message>
        <source>There is no tag &quot;%1&quot;</source>
        <translation>没有名为“%1”的标签</translation>
    </message>
    <message>
        <source>The PDF file to write.</source>
        <translation>要写入的 PDF 文件。</translation>
    </message>
    <message>
        <source>thunderbird, claws, sylpheed or evolution.</source>
        <translation>thunderbird、claws、sylpheed 或 evolution。</translation>
    </message>
    <message>
        <source>PROGRAM must be thunderbird, claws, sylpheed or evolution</source>
        <translation>PROGRAM 必须是 thunderbird、claws、sylpheed 或 evolution</translation>
    </message>
    <message>
        <source>Poplar&apos;s command line.

Commands:
  account add|edit|list|remove  manage accounts
  sync [--account ID] [--log FILE]
  list [--folder inbox|trash|sent|drafts|outbox|local:NAME] [--account ID]
       [--format json]
  show ID [--format json|text]
  export ID                 the raw message on stdout
  delete ID...              move messages to Trash
  restore ID...             move them back, cancelling their server deletions
  pending [--format json]   server deletions queued for the next sync
  empty-trash [--account ID]  delete what is in Trash from this computer
  search QUERY [--limit N] [--page K] [--wait-for-index] [--format json]
  fetch ID                  download the rest of a headers-only message
  import mbox|maildir PATH [--folder NAME]
                            copy a mailbox into a local folder
  import-profile thunderbird|claws|sylpheed|evolution [PATH] [--dry-run] [--format json]
                            move in: accounts, folders, what was downloaded
  export-folder FOLDER --mbox FILE
                            write a folder to an mbox file
  check [--format json]     look the mail cache over; exit 1 if damaged
  compact [--format json]   give unused space in the cache back to the disk
  render FILE.eml [--format json|text]
  send --account ID --to ADDR [--cc ADDR] [--bcc ADDR] [--subject S]
       --body-file FILE [--attach FILE]...
                            write and send a message (exit 1: queued)
  reply ID [--all] --body-file FILE
  forward ID --to ADDR [--as-attachment] [--body-file FILE]
  outbox [--format json] [--all] [--send]
                            what waits to be sent, and why
  filters check             check filters.sieve; errors give their line
  filters run FOLDER [--account ID] [--dry-run] [--format json]
                            apply the filters to mail already in a folder
  junk ID yes|no            mark a message as junk (to Junk) or not (back)
  pdf ID FILE               the message as a PDF, as the window prints it
  tag ID NAME [--remove]    put a tag on a message (a new name adds a tag)

Run &apos;poplarctl COMMAND --help&apos; for a command&apos;s options.</source>
        <translation>Poplar 的命令行工具。

命令：
  account add|edit|list|remove  管理账户
  sync [--account ID] [--log FILE]
  list [--folder inbox|trash|sent|drafts|outbox|local:NAME] [--account ID]
       [--format json]
  show ID [--format json|text]
  export ID                 将原始邮件写到标准输出
  delete ID...              将邮件移到废纸篓
  restore ID...             将邮件移回，并取消其服务器删除
  pending [--format json]   列出为下次同步排队的服务器删除
  empty-trash [--account ID]  从本机删除废纸篓中的邮件
  search QUERY [--limit N] [--page K] [--wait-for-index] [--format json]
  fetch ID                  下载只有邮件头的邮件的其余部分
  import mbox|maildir PATH [--folder NAME]
                            将邮箱复制到本地文件夹
  import-profile thunderbird|claws|sylpheed|evolution [PATH] [--dry-run] [--format json]
                            迁移：账户、文件夹、已下载的邮件记录
  export-folder FOLDER --mbox FILE
                            将文件夹写入 mbox 文件
  check [--format json]     检查邮件缓存；损坏时以 1 退出
  compact [--format json]   把缓存中未使用的空间归还给磁盘
  render FILE.eml [--format json|text]
  send --account ID --to ADDR [--cc ADDR] [--bcc ADDR] [--subject S]
       --body-file FILE [--attach FILE]...
                            写一封邮件并发送（以 1 退出：已排队）
  reply ID [--all] --body-file FILE
  forward ID --to ADDR [--as-attachment] [--body-file FILE]
  outbox [--format json] [--all] [--send]
                            等待发送的邮件及原因
  filters check             检查 filters.sieve；错误会给出所在行
  filters run FOLDER [--account ID] [--dry-run] [--format json]
                            对文件夹中已有的邮件运行过滤器
  junk ID yes|no            将邮件标记为垃圾邮件（移到垃圾邮件）或非垃圾邮件（移回）
  pdf ID FILE               按窗口打印的样子把邮件写成 PDF 文件
  tag ID NAME [--remove]    给邮件加上标签（新名称会新建标签）

运行 &apos;poplarctl COMMAND --help&apos; 查看某个命令的选项。</translation>
    </message>
    <message>
        <source>poplarctl junk: mark a message as junk (it moves to its account&apos;s Junk folder) or as not junk (it moves from Junk back to the Inbox); Poplar&apos;s junk filter (bogofilter) learns from it. Nothing is deleted on the server.</source>
        <translation>poplarctl junk：将邮件标记为垃圾邮件（移到其账户的垃圾邮件文件夹）或非垃圾邮件（从垃圾邮件移回收件箱）；Poplar 的垃圾邮件过滤器（bogofilter）会从中学习。服务器上不会删除任何内容。</translation>
    </message>
    <message>
        <source>The message was marked, but Poplar&apos;s junk filter could not learn from it: %1</source>
        <translation>邮件已标记，但 Poplar 的垃圾邮件过滤器无法学习它：%1</translation>
    </message>
    <message>
        <source>Only list what would move, be marked or be deleted from the server; change nothing.</source>
        <translation>只列出会移动、会被标记或会从服务器删除的邮件，不做任何更改。</translation>
    </message>
    <message>
        <source>would be deleted from the server at the next sync</source>
        <translation>将在下次同步时从服务器删除</translation>
    </message>
    <message>
        <source>queued for deletion from the server at the next sync</source>
        <translation>已排队，将在下次同步时从服务器删除</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) would be queued for deletion from the server at the next sync.</source>
        <translation>
            <numerusform>%n 封邮件将排队，在下次同步时从服务器删除。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) queued for deletion from the server at the next sync; &apos;poplarctl pending&apos; lists them.</source>
        <translation>
            <numerusform>%n 封邮件已排队，将在下次同步时从服务器删除；“poplarctl pending”会列出它们。</numerusform>
        </translation>
    </message>
    <message>
        <source>The tag&apos;s name (Important, Work, ...) or its keyword ($label1, ...).</source>
        <translation>标签名称（Important、Work 等，或其中文名称），或其关键字（$label1 等）。</translation>
    </message>
    <message>
        <source>poplarctl pdf needs its helper poplarctl-pdf, which is not installed beside poplarctl (looked in %1)</source>
        <translation>poplarctl pdf 需要它的辅助程序 poplarctl-pdf，但它没有安装在 poplarctl 旁边（查找位置：%1）</translation>
    </message>
    <message>
        <source>Could not start %1: %2</source>
        <translation>无法启动 %1：%2</translation>
    </message>
    <message>
        <source>poplarctl-pdf is run by &apos;poplarctl pdf&apos;; see &apos;poplarctl pdf --help&apos;</source>
        <translation>poplarctl-pdf 由 &apos;poplarctl pdf&apos; 调用；请参阅 &apos;poplarctl pdf --help&apos;</translation>
    </message>
</context>
</TS>
