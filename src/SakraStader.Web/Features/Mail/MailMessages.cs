using System.Net;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using MimeKit;
using SakraStader.Domain;

namespace SakraStader.Features.Mail;

/// <summary>
/// Turns an outbox row into the message that is sent: Swedish, a plain text part and simple accessible HTML (one
/// heading, a sentence, one link), and at the foot a link that stops this kind of mail without signing in (a signed
/// token, <see cref="UnsubscribeTokens"/>) and one to all the choices. The same link is in the List-Unsubscribe header,
/// with one-click unsubscribe (RFC 8058). A meeting's .ics is attached.
/// </summary>
public sealed class MailMessages(IOptions<MailOptions> options, UnsubscribeTokens tokens)
{
    public static string KindName(MailKind kind) => kind switch
    {
        MailKind.ReadyToSign => "medborgarlöften att skriva under",
        MailKind.ReadyToPublish => "medborgarlöften som är undertecknade och kan publiceras",
        MailKind.SignaturesVoided => "underskrifter som inte längre gäller",
        MailKind.Comments => "kommentarer och svar på årsrapporten",
        MailKind.Justering => "protokoll att justera",
        MailKind.MeetingInvitation => "möten i dina grupper (inbjudan, ändring, inställt)",
        _ => kind.ToString(),
    };

    /// <summary>What a stop link stops, as a sentence's object: "e-post om …", or the weekly digest (no kind).</summary>
    public static string Stream(MailKind? kind) => kind is { } k ? $"e-post om {KindName(k)}" : "veckans sammanfattning";

    public MimeMessage Build(OutboxMessage m)
    {
        var o = options.Value;
        var settings = o.Link("konto/e-post");
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(o.From));
        message.To.Add(MailboxAddress.Parse(m.To));
        message.Subject = m.Subject;
        // The outbox row's id: a receiving server or a person can tell a resent message from a new one.
        message.MessageId = $"{m.Id:N}@sakrastader";
        message.Headers.Add("Auto-Submitted", "auto-generated");

        var text = new StringBuilder();
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"sv\"><head><meta charset=\"utf-8\"><title>").Append(Enc(m.Subject)).Append("</title></head>")
            .Append("<body style=\"font-family:system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;font-size:16px;line-height:1.5;color:#1a1a1a;max-width:40em;margin:0 auto;padding:16px\">");
        string footer;
        if (m.IsDigest)
        {
            var lines = m.Text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split('\t')).Where(p => p.Length == 2).ToList();
            text.AppendLine(m.Heading).AppendLine();
            html.Append("<h1 style=\"font-size:1.4em\">").Append(Enc(m.Heading)).Append("</h1><ul>");
            foreach (var p in lines)
            {
                text.Append("- ").AppendLine(p[0]).Append("  ").AppendLine(p[1]);
                html.Append("<li><a href=\"").Append(Enc(p[1])).Append("\" style=\"color:#0b5394\">").Append(Enc(p[0])).Append("</a></li>");
            }
            html.Append("</ul>");
            // Its own stop link: it stops the digest (every kind chosen for it), without signing in.
            var digestToken = tokens.CreateForDigest(m.UserId);
            var stopDigest = o.Link("e-post/sluta?t=" + Uri.EscapeDataString(digestToken));
            footer = "Du får sammanfattningen för att du har valt den för en eller flera sorters meddelanden.";
            text.AppendLine().AppendLine("--").AppendLine(footer).Append("Sluta få sammanfattningen: ").AppendLine(stopDigest).Append("Ändra dina val: ").AppendLine(settings);
            html.Append("<hr><p style=\"font-size:14px;color:#444\">").Append(Enc(footer)).Append(" <a href=\"").Append(Enc(stopDigest))
                .Append("\" style=\"color:#0b5394\">Sluta få sammanfattningen</a> · <a href=\"").Append(Enc(settings))
                .Append("\" style=\"color:#0b5394\">Ändra dina val</a></p>");
            message.Headers.Add("List-Unsubscribe", $"<{o.Link(UnsubscribeEndpoints.Path + "?t=" + Uri.EscapeDataString(digestToken))}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        else
        {
            var stop = o.Link("e-post/sluta?t=" + Uri.EscapeDataString(tokens.Create(m.UserId, m.Kind)));
            text.AppendLine(m.Heading).AppendLine().AppendLine(m.Text).AppendLine().Append(m.LinkText).Append(": ").AppendLine(m.Link);
            html.Append("<h1 style=\"font-size:1.4em\">").Append(Enc(m.Heading)).Append("</h1>")
                .Append("<p>").Append(Enc(m.Text)).Append("</p>")
                .Append("<p><a href=\"").Append(Enc(m.Link)).Append("\" style=\"display:inline-block;background:#0b5394;color:#ffffff;padding:10px 18px;border-radius:4px;text-decoration:none\">")
                .Append(Enc(m.LinkText)).Append("</a></p>");
            footer = $"Du får det här för att du valt e-post om {KindName(m.Kind)}.";
            text.AppendLine().AppendLine("--").AppendLine(footer).Append("Sluta få e-post om detta: ").AppendLine(stop).Append("Ändra dina val: ").AppendLine(settings);
            html.Append("<hr><p style=\"font-size:14px;color:#444\">").Append(Enc(footer)).Append(" <a href=\"").Append(Enc(stop))
                .Append("\" style=\"color:#0b5394\">Sluta få e-post om detta</a> · <a href=\"").Append(Enc(settings)).Append("\" style=\"color:#0b5394\">Ändra dina val</a></p>");
            message.Headers.Add("List-Unsubscribe", $"<{o.Link(UnsubscribeEndpoints.Path + "?t=" + Uri.EscapeDataString(tokens.Create(m.UserId, m.Kind)))}>");
            message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        html.Append("</body></html>");

        var body = new BodyBuilder { TextBody = text.ToString(), HtmlBody = html.ToString() };
        if (m.Calendar is { } calendar)
        {
            var attachment = body.Attachments.Add("mote.ics", Encoding.UTF8.GetBytes(calendar), new ContentType("text", "calendar"));
            attachment.ContentType.Parameters.Add("method", "PUBLISH");
            attachment.ContentType.Charset = "utf-8";
        }
        message.Body = body.ToMessageBody();
        return message;
    }

    private static string Enc(string s) => WebUtility.HtmlEncode(s);
}

/// <summary>
/// The token in a message's "stop" link: the person and the kind, protected (signed and encrypted) by ASP.NET Core
/// Data Protection with keys shared between instances. It does not expire: a link in an old message still works.
/// </summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider protection)
{
    private readonly IDataProtector protector = protection.CreateProtector("SakraStader.Mail.Unsubscribe.v1");

    private const string Digest = "vecka";

    public string Create(Guid userId, MailKind kind) => protector.Protect($"{userId:N}:{(int)kind}");

    /// <summary>The weekly digest's stop link: it names the person and no kind.</summary>
    public string CreateForDigest(Guid userId) => protector.Protect($"{userId:N}:{Digest}");

    /// <summary>The person and the kind the token stops (no kind: the weekly digest), or null when it is not ours.</summary>
    public (Guid UserId, MailKind? Kind)? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1000)
        {
            return null;
        }
        try
        {
            var parts = protector.Unprotect(token).Split(':');
            if (parts.Length != 2 || !Guid.TryParseExact(parts[0], "N", out var user))
            {
                return null;
            }
            return parts[1] == Digest ? (user, null)
                : int.TryParse(parts[1], out var k) && Enum.IsDefined((MailKind)k) ? (user, (MailKind)k)
                : null;
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
