require ["fileinto", "imap4flags"];
# rule: Invoices
if anyof (header :contains "subject" "invoice", address :is :domain "from" "shop.example") {
    fileinto "Invoices";
    addflag "\\Seen";
    stop;
}
# rule:[Large]
if size :over 100K { fileinto "Large"; }
elsif not exists "list-id" { keep; } else { discard; }
if header :matches "X-Spam-Status" "Yes*" { fileinto "Junk"; }
