package cn.jiaozuo.biodiversity.alert.messaging;

import io.quarkus.mailer.Mail;
import java.util.List;

/**
 * An alert as an e-mail: the robots' facts ({@link RobotMessages#text}) as a subject, a plain-text part and an HTML
 * part. The subject is Chinese; the Mailer encodes it (RFC 2047) and both parts (UTF-8).
 */
public final class MailMessages {

    private MailMessages() {
    }

    public static Mail mail(List<String> recipients, RobotMessages.AlertText text) {
        StringBuilder plain = new StringBuilder(text.title()).append("\n\n");
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body><h2>").append(escape(text.title()))
                .append("</h2><ul>");
        for (String line : text.lines()) {
            plain.append(line).append('\n');
            html.append("<li>").append(escape(line)).append("</li>");
        }
        plain.append("\n在控制台查看：").append(text.link()).append('\n');
        html.append("</ul><p><a href=\"").append(escape(text.link())).append("\">在控制台查看</a></p></body></html>");
        return new Mail().setTo(List.copyOf(recipients)).setSubject(text.title()).setText(plain.toString())
                .setHtml(html.toString());
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
