package cn.jiaozuo.biodiversity.alert.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * How a subscription's alerts reach the bureau: the generic signed webhook, or a group chat robot. Each robot
 * is reached only at its vendor's official host (or an on-premise receiver the operator allowed), and sends at
 * most {@link #perMinute} messages a minute (the vendor's limit; more are queued, not dropped).
 */
public enum Channel {

    /** POST of the event envelope, signed with the subscription's secret (X-Alert-Signature). */
    WEBHOOK(null, null, null, Integer.MAX_VALUE),
    /**
     * WeCom (企业微信) group robot: {@code https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…}; 20 messages a
     * minute (developer.work.weixin.qq.com/document/path/91770).
     */
    WECOM("qyapi.weixin.qq.com", "/cgi-bin/webhook/send", "key", 20),
    /**
     * DingTalk (钉钉) custom robot: {@code https://oapi.dingtalk.com/robot/send?access_token=…}; 20 messages a
     * minute (open.dingtalk.com/document/orgapp/custom-robots-send-group-messages).
     */
    DINGTALK("oapi.dingtalk.com", "/robot/send", "access_token", 20),
    /**
     * Feishu (飞书) custom bot: {@code https://open.feishu.cn/open-apis/bot/v2/hook/{token}}; 100 messages a
     * minute (open.feishu.cn/document/client-docs/bot-v3/add-custom-bot).
     */
    FEISHU("open.feishu.cn", "/open-apis/bot/v2/hook/", null, 100),
    /** E-mail through the operator's SMTP server (quarkus.mailer.*): HTML and plain text, to up to 20 recipients. */
    EMAIL(null, null, null, Integer.MAX_VALUE);

    private final String officialHost;
    private final String path;
    private final String tokenParameter;
    private final int perMinute;

    Channel(String officialHost, String path, String tokenParameter, int perMinute) {
        this.officialHost = officialHost;
        this.path = path;
        this.tokenParameter = tokenParameter;
        this.perMinute = perMinute;
    }

    /** A group chat robot, reached by HTTP at its vendor's host. */
    public boolean isRobot() {
        return this == WECOM || this == DINGTALK || this == FEISHU;
    }

    /** The vendor's host, null for WEBHOOK. */
    public String officialHost() {
        return officialHost;
    }

    /** The path the vendor's URLs have (Feishu: its prefix, the token follows). */
    public String path() {
        return path;
    }

    /** The query parameter holding the robot's credential (WeCom key, DingTalk access_token); null otherwise. */
    public String tokenParameter() {
        return tokenParameter;
    }

    /** Messages a minute one robot accepts. */
    public int perMinute() {
        return perMinute;
    }

    public Duration rateWindow() {
        return Duration.ofMinutes(1);
    }

    /**
     * Why this URL is not one of this robot's, in words for the bureau's administrator; empty when it is (and always
     * for WEBHOOK, whose URL only the receiver policy judges). An operator-allowed receiver may stand in for the
     * official host (an on-premise relay, a test's receiver) but must still carry the robot's credential.
     */
    public Optional<String> urlRefusal(String url, boolean operatorAllowed) {
        if (!isRobot()) {
            return Optional.empty();
        }
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            return Optional.of("must be the robot's webhook address as the chat app shows it");
        }
        String example = example();
        if (!operatorAllowed) {
            if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null
                    || !officialHost.equals(uri.getHost().toLowerCase(Locale.ROOT)) || uri.getPort() != -1
                    || uri.getRawPath() == null || (this == FEISHU ? !uri.getRawPath().startsWith(path)
                            : !uri.getRawPath().equals(path))) {
                return Optional.of("is not a " + this + " robot address: it must look like " + example);
            }
        }
        if (credential(uri).isEmpty()) {
            return Optional.of("lacks the robot's " + (this == FEISHU ? "token (the last part of the path)"
                    : tokenParameter + " parameter") + ": copy the whole address, like " + example);
        }
        return Optional.empty();
    }

    /** The URL with the robot's credential shortened to its first 4 characters: it lets anyone post to the group. */
    public String displayUrl(String url) {
        if (!isRobot()) {
            return url;
        }
        try {
            URI uri = new URI(url);
            Optional<String> credential = credential(uri);
            if (credential.isEmpty()) {
                return url;
            }
            String raw = credential.get();
            String shown = raw.length() <= 4 ? "…" : raw.substring(0, 4) + "…";
            if (this == FEISHU) {
                String p = uri.getRawPath();
                return url.replace(p, p.substring(0, p.length() - raw.length()) + shown);
            }
            return url.replace(tokenParameter + "=" + raw, tokenParameter + "=" + shown);
        } catch (URISyntaxException e) {
            return url;
        }
    }

    /** The robot's credential as written in the URL (raw, not decoded); empty when missing. */
    private Optional<String> credential(URI uri) {
        if (this == FEISHU) {
            String p = uri.getRawPath() == null ? "" : uri.getRawPath();
            String last = p.substring(p.lastIndexOf('/') + 1);
            return last.isEmpty() ? Optional.empty() : Optional.of(last);
        }
        String query = uri.getRawQuery();
        if (query == null) {
            return Optional.empty();
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8).equals(tokenParameter)
                    && eq < pair.length() - 1) {
                return Optional.of(pair.substring(eq + 1));
            }
        }
        return Optional.empty();
    }

    private String example() {
        return switch (this) {
            case WECOM -> "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa";
            case DINGTALK -> "https://oapi.dingtalk.com/robot/send?access_token=XXXXXX";
            case FEISHU -> "https://open.feishu.cn/open-apis/bot/v2/hook/xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx";
            case WEBHOOK, EMAIL -> "";
        };
    }
}
