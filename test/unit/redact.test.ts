// Redaction of shared text: what identifies a person becomes a marker, dates and amounts stay.
import { describe, expect, it } from 'vitest';
import { publishedRef, redactText } from '../../src/domain/redact.js';

describe('redactText', () => {
  it.each([
    ['write to ivan.petrov@mail.ru please', 'write to [email] please'],
    ['Ivan <ivan+shop@example.co.uk>', 'Ivan <[email]>'],
    ['call +7 (999) 123-45-67 after six', 'call [phone] after six'],
    ['hotline 8 800 555-35-35', 'hotline [phone]'],
    ['US +1 415 555 0100.', 'US [phone].'],
    ['phone 89991234567', 'phone [phone]'],
    ['card 4111 1111 1111 1111 was charged', 'card [number] was charged'],
    ['card 4111-1111-1111-1111', 'card [number]'],
    ['account 40817810099910004312', 'account [number]'],
    ['IBAN RO49 AAAA 1B31 0075 9384 0000 here', 'IBAN [number] here'],
    ['see https://shop.example/track?id=123&email=a', 'see [link]'],
    ['see https://shop.example/help/returns', 'see https://shop.example/help/returns'],
    ['www.example.org/page?session=abc', '[link]'],
    // The text's brackets and punctuation stay the text's.
    ['[link](http://evil?x=1)', '[link]([link])'],
    ['(see https://shop.example/t?id=1).', '(see [link]).'],
    ['see https://shop.example/help, then call', 'see https://shop.example/help, then call'],
    ['https://en.wikipedia.org/wiki/Foo_(bar)?x=1 ok', '[link] ok'],
    ['https://en.wikipedia.org/wiki/Foo_(bar)', 'https://en.wikipedia.org/wiki/Foo_(bar)'],
    ['«https://x.com/?a=1»', '«[link]»'],
    ['“https://x.com/?a=1”', '“[link]”'],
    ['fixed within 24 hours', 'fixed within 24 hours'],
    ['refund of 1 500 RUB on 2012-07-18', 'refund of 1 500 RUB on 2012-07-18'],
    ['at 2012-07-12T09:05 and 02.12.2026 10:00', 'at 2012-07-12T09:05 and 02.12.2026 10:00'],
    ['order 12345 took 3 days', 'order 12345 took 3 days'],
    ['Волгателеком: звонил на +7 846 277-77-77', 'Волгателеком: звонил на [phone]'],
    // An IP address, which a date or a phone number was taken for, or which was too short to be either.
    ['blocked from 192.168.1.10 today', 'blocked from [ip] today'],
    ['DNS 8.8.8.8, then 10.0.0.1.', 'DNS [ip], then [ip].'],
    ['IPv6 2001:0db8:85a3:0000:0000:8a2e:0370:7334 and fe80::1ff:fe23:4567:890a', 'IPv6 [ip] and [ip]'],
    ['loopback ::1 (local)', 'loopback [ip] (local)'],
    ['IPv4 192.168.1.1 and IPv6 ::1', 'IPv4 [ip] and IPv6 [ip]'],
    // An IPv4 address mapped into IPv6, whose last three numbers were left.
    ['from ::ffff:10.20.30.40 and ::ffff:192.168.10.23.', 'from [ip] and [ip].'],
    // After a word and a colon, and mapped by a prefix of its own.
    ['IPv6:fe80::1 and addr:2001:db8::7, IPv4:192.168.1.1', 'IPv6:[ip] and addr:[ip], IPv4:[ip]'],
    ['64:ff9b::192.0.2.33 and ::1.2.3.4', '[ip] and [ip]'],
    // A version after a letter is no address.
    ['firmware v2.10.3.1', 'firmware v2.10.3.1'],
    ['see http://10.1.2.3/admin?user=ivan', 'see [link]'],
    // A phone number of groups with dots is no address.
    ['call +33 1.23.45.67.89', 'call [phone]'],
    // Not an address: a fifth number, an octet over 255, a date with dots, a time.
    ['firmware 1.2.3.4.5', 'firmware 1.2.3.4.5'],
    ['256.1.1.1 is no address', '256.1.1.1 is no address'],
    ['on 12.07.2012 at 10:00:00', 'on 12.07.2012 at 10:00:00'],
    ['', ''],
    // A date alone, with its offset, is never searched; a date with a number after it is.
    ['2026-01-02T10:00+03:00', '2026-01-02T10:00+03:00'],
    ['2026-01-02T10:00Z', '2026-01-02T10:00Z'],
    ['2026-01-02 +7 999 123 45 67', '2026-01-02 [phone]'],
    // No digit, @ or link: as it is.
    ['they said to wait', 'they said to wait'],
    ['mail them: ivan@mail.ru', 'mail them: [email]'],
    // Links of other schemes, with a name and password, or without a scheme; an address at a host with no dot.
    ['open wss://x.example/a?b=c now', 'open [link] now'],
    ['http://user:pass@shop.example/path', '[link]'],
    ['HTTPS://Shop.Example/t?id=1', '[link]'],
    ['track at shop.example/track?id=9999&email=x.', 'track at [link].'],
    ['see shop.example/help/returns', 'see shop.example/help/returns'],
    ['write to dmitry@localhost', 'write to [email]'],
    // A sum in groups of three, with its fraction or currency, is no phone number.
    ['amount 1 234 567,89 RUB', 'amount 1 234 567,89 RUB'],
    ['paid 1 234 567 руб.', 'paid 1 234 567 руб.'],
    ['call 912 345 6789 now', 'call [phone] now'],
    // A link glued to what is before it, whatever that is.
    ['1.https://x.com?token=1', '1.[link]'],
    ['см.https://x.ru?id=5 и см.www.x.ru?id=5', 'см.[link] и см.[link]'],
    ['See the site.https://x.com/?q=1', 'See the site.[link]'],
    // Sums with a decimal point, currency words, or the currency before.
    ['1 234 567.89 USD, 1 000 000 рублей, $1 234 567, USD 1 234 567, цена 1 000 000 р', '1 234 567.89 USD, 1 000 000 рублей, $1 234 567, USD 1 234 567, цена 1 000 000 р'],
    // A sum in groups of three with dots, as Russian and Romanian write it, with its fraction
    // after a comma or its currency; without either, or not in groups of three from a digit
    // other than 0, it may be a phone number.
    ['paid 1.234.567,89 RUB, 12.500 lei, 1.234.567 ₽', 'paid 1.234.567,89 RUB, 12.500 lei, 1.234.567 ₽'],
    ['total 12.500.000 lei, RUB 1.234.567, €1.234.567 or 1.234.567,89', 'total 12.500.000 lei, RUB 1.234.567, €1.234.567 or 1.234.567,89'],
    ['mobile 0721.234.567, 0721.234.567 lei, 072.123.456 lei', 'mobile [phone], [phone] lei, [phone] lei'],
    ['call 912.345.678 or 912.345.67.89, 1.234.567 alone', 'call [phone] or [phone], [phone] alone'],
    // A date with dots year first, with its time or not, and day first; a run that is no date is redacted.
    ['written 2026.01.05, due 2026.1.9 and 2026.01.12 18:00', 'written 2026.01.05, due 2026.1.9 and 2026.01.12 18:00'],
    ['from 05.01.2026 to 9.1.2026 10:00', 'from 05.01.2026 to 9.1.2026 10:00'],
    ['2026.13.05, 2026.01.05.17 and 2026.01.051234', '[phone], [phone] and [number]'],
    // Numbers with dots after a word that says they are a version are kept, where they are too
    // short to be a phone number; without it, four numbers to 255 are an address, whatever word
    // is before them.
    ['version 1.2.3.4, firmware 10.0.1.2, сборка 10.2.3.4', 'version 1.2.3.4, firmware 10.0.1.2, сборка 10.2.3.4'],
    ['Version: 1.2.3.4, ver. 10.20.3.4, versiunea 1.2.3.4, build 1.2.3.4', 'Version: 1.2.3.4, ver. 10.20.3.4, versiunea 1.2.3.4, build 1.2.3.4'],
    // A phone number with dots after such a word is redacted all the same (a service of assembly is one).
    ['Служба сборки: 8.916.123.45.67, сборку 8.800.555.35.35, сборка: 01.23.45.67.89', 'Служба сборки: [phone], сборку [phone], сборка: [phone]'],
    ['Build: 555.123.4567, Release 0721.234.567, version 192.168.101.200', 'Build: [phone], Release [phone], version [ip]'],
    ['ip 10.0.0.1, server 1.2.3.4, conversion 1.2.3.4, IPv4 1.2.3.4', 'ip [ip], server [ip], conversion [ip], IPv4 [ip]'],
    // Dashes other than the hyphen-minus, a soft hyphen, a middle dot, full-width and Arabic-Indic digits: published whole before.
    ['card 4111\u20131111\u20131111\u20131111, call 8\u2013912\u2013345\u201367\u201389', 'card [number], call [phone]'],
    ['8\u2011912\u2011345\u201167\u201189, 8\u2212912\u2212345\u221267\u221289, 8\u2014912\u2014345\u201467\u201489', '[phone], [phone], [phone]'],
    ['8 (912) 345\u201367\u201389, 8912\u00ad3456789, 8\u00b7912\u00b7345\u00b767\u00b789', '[phone], [phone], [phone]'],
    ['\uff10\uff19\uff10\uff0d\uff11\uff12\uff13\uff14\uff0d\uff15\uff16\uff17\uff18, \uff0b7 912 345 67 89, \u0669\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668', '[phone], [phone], [number]'],
    // A phone number in pairs with dots, whose beginning has the shape of a date, is no date.
    ['Paris 01.23.45.67.89, Brussels 0470.12.34.56', 'Paris [phone], Brussels [phone]'],
    ['on 05.01.2026. Then 05.01.2026-09.01.2026, 12/31/2026', 'on 05.01.2026. Then 05.01.2026-09.01.2026, 12/31/2026'],
    // A number before a date joined it, and the two were one phone number: each is what it is.
    ['paid 300 05.01.2026, 1500 2026-01-05 10:00 and 300 05.01.2026 8 916 123 45 67', 'paid 300 05.01.2026, 1500 2026-01-05 10:00 and 300 05.01.2026 [phone]'],
    // A phone number before a date, and the date, are one number: redacted whole.
    ['call 8 916 123 45 67 05.01.2026 or 8 916 123 45 67 2026-01-05', 'call [number] or [number]'],
    ['EUR 1 234 567 05.01.2026', 'EUR 1 234 567 05.01.2026'],
    // What only looks like a date in a run is not taken out of it: no day 45, no month 13, no short year.
    ['call 8 916 123 45.67.2026, 8 916 123 05.13.2026 and 8 916 123 45 05.01.26', 'call [number], [number] and [number]'],
    // A phone number written with a group that has a date's shape is one number all the same.
    ['call +7 912 10.11.2019, +1 (415) 10.11.2019, 8 (912) 01.02.2003, тел. 8 912 10.11.2019', 'call [phone], [phone], [phone], тел. [number]'],
    ['phone +7 912 2019-12-31, +7 912 05.01.2026 345, 8 800 2000-12-12, 89161234567 05.01.2026', 'phone [phone], [phone], [number], [number]'],
    ['card 4276 05.01.2026 1234 5678 9012', 'card 4276 05.01.2026 [number]'],
    // A number beginning with 0 is no amount, a few digits after the date are the rest of one
    // number, and a word that says it is a phone number takes no date or years out of it.
    ['call 030 12.11.2012, mobile 0171 12.11.2019', 'call [phone], mobile [number]'],
    ['card 4276 12.11.2019 3456, acct 40817 12.11.2019 810 5, paid 300 05.01.2026 45 67 89', 'card [number], acct [number], paid [number]'],
    ['tel 495 12.11.1999, tel 8912 2019-11-10, phone 2012-2099, тел.: 2012-2099', 'tel [phone], tel [number], phone [phone], тел.: [phone]'],
    ['paid 300 05.01.2026 10:00, paid 300 2026-01-05 9:30', 'paid 300 05.01.2026 10:00, paid 300 2026-01-05 9:30'],
    // Words that say a phone number follows, however they are written.
    ['telephone 495 12.11.1999, Phone #: 495 12.11.1999, phone no. 495 12.11.1999, cellphone 495 12.11.1999', 'telephone [phone], Phone #: [phone], phone no. [phone], cellphone [phone]'],
    ['Тел. \u2013 495 12.11.1999, перезвоните 495 12.11.1999, telephone 2012-2099', 'Тел. \u2013 [phone], перезвоните [phone], telephone [phone]'],
    // A sum with its fraction before a date, a date in brackets, a time with a dot after it.
    ['refund 300.00 05.01.2026, paid 12.99 05.01.2026, списано 1500,00 05.01.2026', 'refund 300.00 05.01.2026, paid 12.99 05.01.2026, списано 1500,00 05.01.2026'],
    ['paid 300 (05.01.2026), оплатил 300 05.01.2026 10.00', 'paid 300 (05.01.2026), оплатил 300 05.01.2026 10.00'],
    // Dates one after another, and in brackets.
    ['paid 300 05.01.2026 06.01.2026, 300 2026-01-05 2026-01-06', 'paid 300 05.01.2026 06.01.2026, 300 2026-01-05 2026-01-06'],
    ['(paid 300 05.01.2026), (paid 300 05.01.2026 8 916 123 45 67)', '(paid 300 05.01.2026), (paid 300 05.01.2026 [phone])'],
    // A span of years, with any dash; not two numbers of another shape, nor years backwards.
    ['from 2019\u20132025, 2019-2025 and 1999\u20142001, (2019-2025)', 'from 2019\u20132025, 2019-2025 and 1999\u20142001, (2019-2025)'],
    ['call 2025-2019, 2019 2025, 3019-2025', 'call [phone], [phone], [phone]'],
    // A card's four groups three separators apart, characters of no width, a word joiner, small
    // dashes or an underscore between the groups: published whole before. (Four groups of four
    // far apart whose check digit is wrong are four numbers: `1500 / 1500 / 1500 / 1500 lei`.)
    ['card 4276 - 1234 - 5678 - 9014, card 4276   1234   5678   9014, 1500 - 1500 - 1500 - 1500 lei, 2019 / 2020 / 2021 / 2022', 'card [number], card [number], 1500 - 1500 - 1500 - 1500 lei, 2019 / 2020 / 2021 / 2022'],
    ['card 4276\u200b1234\u200b5678\u200b9012, call 8\u2060912\u2060345\u206067\u206089, 8\ufe58912\ufe58345\ufe5867\ufe5889', 'card [number], call [phone], [phone]'],
    ['card 4276_1234_5678_9014, Berlin 030/1234567, +32 470/12 34 56, 0721/234/567', 'card [number], Berlin [phone], [phone], [phone]'],
    // Marks of writing direction, look-alike dashes and slashes, four separators or commas and
    // tildes between a card's four groups.
    ['card 4276\u200e1234\u200e5678\u200e9012, tel +7\u200e912\u200e345\u200e67\u200e89, tel +7\u202a912\u202c345-67-89, card 4276 1234 5678\u2069 9012', 'card [number], tel [phone], tel [phone], card [number]'],
    ['tel 0721\uff0f234\uff0f567, card 4276~1234~5678~9014, card 4276 -- 1234 -- 5678 -- 9014, 4276    1234    5678    9014', 'tel [phone], card [number], card [number], [number]'],
    // After a word that says it is a phone number, a city's number of six digits; not an extension.
    ['тел. 23-45-67, доб. 123', 'тел. [phone], доб. 123'],
    // A link that is a phone number's or holds one, or an address; a query straight after the host.
    ['WhatsApp: https://wa.me/37369123456, write to https://t.me/+79123456789, tel://+37369123456', 'WhatsApp: [link], write to [link], [link]'],
    ['https://mail.google.com/mail/u/ivan.petrov@gmail.com/ and https://shop.md/unsubscribe/ivan.petrov%40mail.ru', '[link] and [link]'],
    ['link: shop.md?order=A1B2C3&name=Ivan+Petrov&phone=069123456, did you see shop.md?', 'link: [link], did you see shop.md?'],
    // An IPv6 address after a word of another script and a colon.
    ['IP-адрес:2a02:2698:5c21:ab00::1', 'IP-адрес:[ip]'],
    // No sum begins with 0, even before its currency.
    ['am plătit 1 500 lei pe 055 412 322 lei', 'am plătit 1 500 lei pe [phone] lei'],
    // What only has the shape of a date is none: no month 34, no day 34, a slash before more digits.
    ['Brussels 0470/12.34.56, 01.23.45 67 89, 0221-12-34-56, 2026-01-05-17', 'Brussels [phone], [phone], [phone], [phone]'],
    // Dates, spans and sums with such separators are kept.
    ['on 2026/01/05, scan_2026_01_05.pdf, 5/1/2026, 12/31/2026, 31/12/2026, 31.12.26', 'on 2026/01/05, scan_2026_01_05.pdf, 5/1/2026, 12/31/2026, 31/12/2026, 31.12.26'],
    ['from 2019 - 2025, 2026-01-05-2026-01-09, 2026-01-05 - 2026-01-09, 05.01.2026 - 09.01.2026', 'from 2019 - 2025, 2026-01-05-2026-01-09, 2026-01-05 - 2026-01-09, 05.01.2026 - 09.01.2026'],
    ['paid 300 - 05.01.2026, paid 300 / 05.01.2026, 24/7, 3 / 5, 10:00 - 12:00', 'paid 300 - 05.01.2026, paid 300 / 05.01.2026, 24/7, 3 / 5, 10:00 - 12:00'],
    // A slash parts numbers, but where a run begins as a phone number does: laws, contracts,
    // invoices, years, ranges and sizes are kept.
    ['Regulation (EU) 2016/679, No 261/2004, Legea nr. 105/2003, Договор № 1234/2025 от 05.01.2026, factura nr. 123/2026, Order 12345/67, 2011/83/EU', 'Regulation (EU) 2016/679, No 261/2004, Legea nr. 105/2003, Договор № 1234/2025 от 05.01.2026, factura nr. 123/2026, Order 12345/67, 2011/83/EU'],
    ['year 2025/2026, price 1500/2000 lei, 12 500/13 000 steps, sizes 48/50/52/54, размер 52-54/182-188, bed 200/180/60 cm, version 2.10.3 / 2.11.0', 'year 2025/2026, price 1500/2000 lei, 12 500/13 000 steps, sizes 48/50/52/54, размер 52-54/182-188, bed 200/180/60 cm, version 2.10.3 / 2.11.0'],
    ['paid 300 05/01/2026, Ticket 4521 05/01/2026, Charged $45.99 - 01/05/2026, paid 1 500 - 05.01.2026, paid 12.500 - 05.01.2026', 'paid 300 05/01/2026, Ticket 4521 05/01/2026, Charged $45.99 - 01/05/2026, paid 1 500 - 05.01.2026, paid 12.500 - 05.01.2026'],
    // Ranges of sums, hours and numbers, and spans of days.
    ['range 1500 - 2000 lei, 10 000 - 15 000 руб, работают 9.00 - 18.00, window 10.00-12.00, Rating 10/10 - 9/10, Order 123456 - 2 items, bus 112 - 125 - 130', 'range 1500 - 2000 lei, 10 000 - 15 000 руб, работают 9.00 - 18.00, window 10.00-12.00, Rating 10/10 - 9/10, Order 123456 - 2 items, bus 112 - 125 - 130'],
    ['05.01 - 10.01.2026, 05.01-10.01.2026, с 05-10.01.2026, 1-5.01.2026, from 01/02 - 05/02, 01/2026 - 03/2026, 01.2026 - 03.2026, 05.01.2026/06.01.2026, 05.01/06.01', '05.01 - 10.01.2026, 05.01-10.01.2026, с 05-10.01.2026, 1-5.01.2026, from 01/02 - 05/02, 01/2026 - 03/2026, 01.2026 - 03.2026, 05.01.2026/06.01.2026, 05.01/06.01'],
    // Numbers on lines of their own, as a log of payments is written, are each what they are.
    ['05.01.2026 300\n06.01.2026 250, Payments:\n1500\n2300\n4100, log:\n10.30\n11.45, Model 2026\n2025 stock', '05.01.2026 300\n06.01.2026 250, Payments:\n1500\n2300\n4100, log:\n10.30\n11.45, Model 2026\n2025 stock'],
    ['Order 1234567\n05.01.2026 delivered, paid 300\n\n1500 back', 'Order [number]\n05.01.2026 delivered, paid 300\n\n1500 back'],
    // File names with underscores.
    ['IMG_1234_5678.jpg order_12345_2026.pdf', 'IMG_1234_5678.jpg order_12345_2026.pdf'],
    // A phone number wrapped onto the next line, from its plus or its 0; a long list of numbers whole.
    ['from +40 721\n234 567 ieri, Номер: +373 69\n12 34 56, tel: +373 69\r\n123 456', 'from [phone] ieri, Номер: [phone], tel: [phone]'],
    ['номера 0721 234 567 0722 345 678 0723 456 789 0724 567 890 0725 678 901 0726 789 012 0727 890 123', 'номера [number]'],
    ['Belgian: 0470 / 12 34 56, тел. 21.12.45, phone: 234567, https://telegram.me/+79123456789', 'Belgian: [phone], тел. [phone], phone: [phone], [link]'],
    ['Tracking link: shop.md?client=ivan.petrov&token=AbCdEf', 'Tracking link: [link]'],
    // References with a slash from a 0, products' links, prices after the word for a phone, a
    // call's number, times in a screenshot's name, a US date with dots, questions without spaces.
    ['nr. 012/15.03.2024, исх. № 01-15/1234, № 0123/2025, 01/2026-03/2026, 05/01-10/01/2026, nr. 0001234/05.01.2026', 'nr. 012/15.03.2024, исх. № 01-15/1234, № 0123/2025, 01/2026-03/2026, 05/01-10/01/2026, nr. [number]/05.01.2026'],
    ['https://999.md/ro/81234567 https://www.ozon.ru/product/1234567890/ https://www.google.com/maps/place/Shop/@47.0245,28.8322,17z https://medium.com/@shop/policy', 'https://999.md/ro/81234567 https://www.ozon.ru/product/1234567890/ https://www.google.com/maps/place/Shop/@47.0245,28.8322,17z https://medium.com/@shop/policy'],
    ['Заказал телефон 24990 руб., Phone: 12999 lei, телевизора: 45999 руб, Call #123456, Звонок №123456, Called 10 000 times', 'Заказал телефон 24990 руб., Phone: 12999 lei, телевизора: 45999 руб, Call #123456, Звонок №123456, Called 10 000 times'],
    ['Screenshot_2026-01-05-10-30-45.png, 12.31.2026, ok.Why?Because 2 days, support.shop.md?No answer', 'Screenshot_2026-01-05-10-30-45.png, 12.31.2026, ok.Why?Because 2 days, support.shop.md?No answer'],
    // A date in brackets, a range of sums without spaces, more currencies.
    ['Заказ (05.01.2026) не доставлен, on (10:00), (2026-01-05 10:00)', 'Заказ (05.01.2026) не доставлен, on (10:00), (2026-01-05 10:00)'],
    ['Цена 1500-2000 руб, range 1.500-2.000 lei, Ущерб 1 500 000 MDL, 12 000 UAH', 'Цена 1500-2000 руб, range 1.500-2.000 lei, Ущерб 1 500 000 MDL, 12 000 UAH'],
    // Dates with dashes and the year in full, and after an English month's name.
    ['on 01-05-2026 and 31-12-2026, Jan 5 2026 10:00, January 5, 2026 300 USD, Sept. 15, 2025', 'on 01-05-2026 and 31-12-2026, Jan 5 2026 10:00, January 5, 2026 300 USD, Sept. 15, 2025'],
    ['call 12-34-5678, 8-912-345-67-89, 01-05-2026-17', 'call [phone], [phone], [phone]'],
    // The rest of a run after a sum and a date ends where the run does; a wrapped number does not
    // take the next line's list number or date, and goes on after spaces at either end of the line.
    ['paid 300 05.01.2026 0721234567\n2026-01-06 refund, Call 0721 234 567\n2. Next item', 'paid 300 05.01.2026 [phone]\n2026-01-06 refund, Call [phone]\n2. Next item'],
    ['Tel: +373 69 123 456\n05.01.2026 am sunat, Остаток: 0\n15.01.2026 закрыли, +373 69  \n123 456, +373 69\n  123 456', 'Tel: [phone]\n05.01.2026 am sunat, Остаток: 0\n15.01.2026 закрыли, [phone], [phone]'],
    // A card in other digits; four years or round sums far apart are no card.
    ['\uff14\uff12\uff17\uff16 - \uff11\uff12\uff13\uff14 - \uff15\uff16\uff17\uff18 - \uff19\uff10\uff11\uff14, seasons 2010 - 2011 - 2012 - 2013, 1000 - 2000 - 3000 - 4000 lei, (1000) (3000) (2000) (4000)', '[number], seasons 2010 - 2011 - 2012 - 2013, 1000 - 2000 - 3000 - 4000 lei, (1000) (3000) (2000) (4000)'],
    // A slashed phone number whose groups look like a date with a short year; contract numbers from 0.
    ['Belgia: 0470/12.11.56, +32 470/12.11.56, x 0721-11-23-14-56', 'Belgia: [phone], [phone], x [number]'],
    ['Contractul nr. 0123/456789 din 05.01.2026, Factura nr. 0001/000123', 'Contractul nr. 0123/456789 din 05.01.2026, Factura nr. 0001/000123'],
    // Currencies before the sum and in words, measures after the word for a phone, dates in file names.
    ['UAH 1 234 567, \u20b41 234 567, MDL 1 234 567, 1500-2000 лей, 1500-2000 de lei, 1 500 000 de lei, 1 500 000 гривен', 'UAH 1 234 567, \u20b41 234 567, MDL 1 234 567, 1500-2000 лей, 1500-2000 de lei, 1 500 000 de lei, 1 500 000 гривен'],
    ['телефона 20000 мАч, phone 20000 mAh, Telefonul 12999 de lei, тел. 23-45-67 р-н Ленинский', 'телефона 20000 мАч, phone 20000 mAh, Telefonul 12999 de lei, тел. [phone] р-н Ленинский'],
    ['IMG_20260105_103045.jpg Screenshot_20260105-103045.png VID-20260105-WA0012.mp4', 'IMG_20260105_103045.jpg Screenshot_20260105-103045.png VID-20260105-WA0012.mp4'],
    // A whole number before a line break is one; the next line's number is its own, and a run
    // from a 0 ends at the line's end.
    ['Телефон: 0721 234 567\n1500 lei pe 05.01.2026, Tel: +373 69 123 456\n1500 lei, открылся в 09.00\n1500 руб', 'Телефон: [phone]\n1500 lei pe 05.01.2026, Tel: [phone]\n1500 lei, открылся в 09.00\n1500 руб'],
    // A bracket that opens a run and closes no part of it is the text's.
    ['Заказ (05.01.2026, 1500 руб), (05.01.2026 г.), Оплата (1 234 567 руб.), (10.00-12.00, пн), (8 912 345 67 89), call (495) 123-45-67', 'Заказ (05.01.2026, 1500 руб), (05.01.2026 г.), Оплата (1 234 567 руб.), (10.00-12.00, пн), ([phone]), call [phone]'],
    // A time after a sum and a date keeps its minutes; a sum without groups beside its currency; more currencies.
    ['1500 05.01.2026 14:30 2000 06.01.2026 15:00, Кредит 1500000 руб, Suma: 2500000 MDL, call 89161234567 руб', '1500 05.01.2026 14:30 2000 06.01.2026 15:00, Кредит 1500000 руб, Suma: 2500000 MDL, call [phone] руб'],
    ['1 234 567 леев, 2 500 000 тенге, 1 234 567 \u20b8, 1 234 567 RUR', '1 234 567 леев, 2 500 000 тенге, 1 234 567 \u20b8, 1 234 567 RUR'],
    // Tuesday is no unit, Ron is no currency, a Viber link is a phone number's.
    ['тел. 23-45-67 Вт-Сб 10-19, Call Ron 555-1234, https://viber.click/37369123456', 'тел. [phone] Вт-Сб 10-19, Call Ron [phone], [link]'],
    // Spans of months and days, a month and year after a slash, dates in more file names.
    ['за период 11.2025-01.2026, Доставка 05.01.–10.01.2026, Contract nr. 0125/01/2026, 20260105_103045.jpg, receipt_20260105.pdf', 'за период 11.2025-01.2026, Доставка 05.01.–10.01.2026, Contract nr. 0125/01/2026, 20260105_103045.jpg, receipt_20260105.pdf'],
    // A number wrapped before its eleven digits goes on; one whole before the break does not take the next line's.
    ['My number +91 98765\n43210, +49 151 23\n456789, Tel +7 912\n345 67 89\n1500 руб, Tel +373 69\n123 456\n1500 lei', 'My number [phone], [phone], Tel [phone]\n1500 руб, Tel [phone]\n1500 lei'],
    // A bracket after the word for a phone is the number's.
    ['Телефон: (23-45-67), тел. (21.12.45), tel (495 12.11.1999, Telefon (0721 234 567, după ora 18:00)', 'Телефон: ([phone]), тел. ([phone]), tel ([phone], Telefon ([phone], după ora 18:00)'],
    // A bracket after the word for a phone that holds a date and a time is the text's.
    ['I called by phone (05.01.2026, 10:30), по телефону (05.01.2026 в 10:30)', 'I called by phone (05.01.2026, 10:30), по телефону (05.01.2026 в 10:30)'],
    // A ten-digit international number is whole before its line break; a last line that is a sum or holds a date is another's.
    ['Hotline +45 12 34 56 78\n250 EUR refund, +32 2 123 45 67\r\n250 EUR, Tel +43 1 234567\n300 05.01.2026', 'Hotline [phone]\n250 EUR refund, [phone]\r\n250 EUR, Tel [phone]\n300 05.01.2026'],
    // Currencies in words in small letters or in capitals, codes in capitals; a word with a capital first is a name.
    ['TOTAL 1.250.000 LEI, ИТОГО 1 250 000 РУБ., comanda 1234567 lei, paid 1 250 000 euro', 'TOTAL 1.250.000 LEI, ИТОГО 1 250 000 РУБ., comanda 1234567 lei, paid 1 250 000 euro'],
    ['Called 612 345 678 Lei picked up, Courier: 612 345 678 Euro Express, звонила на 2345678 Р. Смирновой', 'Called [phone] Lei picked up, Courier: [phone] Euro Express, звонила на [number] Р. Смирновой'],
    // A number wrapped before seven digits goes on whatever the next line holds.
    ['Contact: +34 612\n345 678 Lei Wang, de pe +40 721\n234567 05.01.2026, +49 30 123456\n78901 (Durchwahl)', 'Contact: [phone] Lei Wang, de pe [number], [phone] (Durchwahl)'],
    // Files with their extension in capitals, a date and a time at a name's beginning; a time with its seconds.
    ['Poza 20260105.JPG, scan_20260105.PDF, 20260105-103045.jpg, at 10:30:45 0721234567, 300 05.01.2026 10:30:45 0721 234 567', 'Poza 20260105.JPG, scan_20260105.PDF, 20260105-103045.jpg, at 10:30:45 [phone], 300 05.01.2026 10:30:45 [phone]'],
    // A number without groups is a sum beside its currency only if it is short, and only a currency
    // in the case it is written makes one (not a fraction, not Ron, not тг, which is Telegram).
    ['Sunați la 721234567,10-18, Called 612345678 Ron, Cont nr. 225123456 MDL, пишите 912345678 тг', 'Sunați la [number],10-18, Called [number] Ron, Cont nr. [number] MDL, пишите [number] тг'],
    // A date at a word's beginning is a file's only before an underscore or its extension.
    ['Personnummer 19850312-1234, Tel: 20180523.Pls call', 'Personnummer [number], Tel: [number].Pls call'],
    // Times after sums and dates inside the rest of a run keep their minutes once.
    ['Plăți: 300 05.01.2026 1500 06.01.2026 10:30 200 07.01.2026, 1500 05.01.2026 300 06.01.2026 9:05', 'Plăți: 300 05.01.2026 1500 06.01.2026 10:30 200 07.01.2026, 1500 05.01.2026 300 06.01.2026 9:05'],
  ])('%j -> %j', (input, expected) => {
    expect(redactText(input)).toBe(expected);
  });
});

describe('an e-mail address with characters of no width in it, or another @', () => {
  it.each([
    // Copied from a page: a zero-width space or a joiner beside the @, a soft hyphen in the host.
    ['bob\u200b@example.com', '[email]'],
    ['bob@\u200bexample.com', '[email]'],
    ['bob\u2060@\u200dexample.com', '[email]'],
    ['write to bob@ex\u00adample.com today', 'write to [email] today'],
    ['bob@example.c\u00adom', '[email]'],
    ['\u200bivan.petrov@gmail.com\u200b, thanks', '[email]\u200b, thanks'],
    // A full-width and a small @.
    ['bob\uff20example.com', '[email]'],
    ['bob\ufe6bexample.com', '[email]'],
    // No address: an @ alone, and a word with a character of no width in it.
    ['meet @ noon', 'meet @ noon'],
    ['soft\u00adware', 'soft\u00adware'],
  ])('%j → %j', (text, expected) => {
    expect(redactText(text)).toBe(expected);
  });
});

describe("a record's id on a published page or in a shared file (publishedRef)", () => {
  it('redacts a beginning that reads as a number, or that is not the hidden name as a page gives it, the same way each time', () => {
    const phone = publishedRef('7-916-123-45-67-1');
    expect(phone).toMatch(/^phone-[0-9a-f]{8}-1$/);
    expect(publishedRef('7-916-123-45-67-2')).toBe(phone.replace(/-1$/, '-2'));
    expect(publishedRef('7-916-123-45-67-1#3')).toBe(`${phone}#3`);
    expect(publishedRef('incident:7-916-123-45-67-1')).toBe(`incident:${phone}`);
    expect(publishedRef('check:email-check-2', 'email')).toBe('check:email-check-2');
    expect(publishedRef('7-916-123-45-67-check-1')).toMatch(/^phone-[0-9a-f]{8}-check-1$/);
    // Another number is another id.
    expect(publishedRef('7-916-765-43-21-1')).not.toBe(phone);
    // A company's own name as an id, where that name is not hidden; the hidden name's slug, where it is.
    expect(publishedRef('volga-2012-07')).toBe('volga-2012-07');
    expect(publishedRef('acme-1', 'email')).toMatch(/^redacted-[0-9a-f]{8}-1$/);
    expect(publishedRef('ivan-petrov-gmai-1', 'email')).toMatch(/^redacted-[0-9a-f]{8}-1$/);
    expect(publishedRef('email-1', 'email')).toBe('email-1');
    expect(publishedRef('no-number-here')).toBe('no-number-here');
  });
});
