package cn.jiaozuo.biodiversity.alert.api;

import cn.jiaozuo.biodiversity.alert.domain.Channel;
import cn.jiaozuo.biodiversity.alert.domain.DigestFrequency;
import cn.jiaozuo.biodiversity.alert.domain.RuleCode;
import cn.jiaozuo.biodiversity.alert.domain.Severity;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "SubscriptionRequest")
public record SubscriptionRequest(
        @NotBlank @Size(max = 200) @Schema(example = "White moth early warning", required = true) String name,
        @NotBlank @Size(max = 200) @Schema(example = "市林业局", required = true, description = "A display name; the"
                + " subscription belongs to the organisation in the caller's token (claim org), whatever is written here")
        String organization,
        @Valid @Schema(nullable = true, description = "Omitted or null: every alert") Filter filter,
        @Schema(nullable = true, defaultValue = "WEBHOOK", example = "DINGTALK", description = "How alerts are sent:"
                + " WEBHOOK (the signed event envelope, default), WECOM, DINGTALK or FEISHU (a group chat robot; see the"
                + " subscriber guide), or EMAIL") Channel channel,
        @Valid @Schema(nullable = true, description = "Where to send: the webhook, or the robot's address and signing"
                + " secret; required unless the channel is EMAIL, omitted then") Webhook webhook,
        @Valid @Schema(nullable = true, description = "Channel EMAIL only: the recipients") Email email,
        @Size(max = 4) @Schema(nullable = true, example = "[\"CRITICAL\", \"HIGH\"]", description = "With a digest:"
                + " the severities sent at once (default [CRITICAL]; CRITICAL is always sent at once); the others wait for"
                + " the digest. Not allowed without a digest.") Set<Severity> immediateSeverities,
        @Schema(nullable = true, defaultValue = "NONE", example = "DAILY", description = "NONE (default: every alert at"
                + " once), HOURLY (at every full hour outside quiet hours) or DAILY (at digestAt): one message listing"
                + " the alerts not sent at once since the last digest, grouped by rule and county") DigestFrequency digest,
        @Size(max = 5) @Schema(nullable = true, example = "08:00", pattern = "^[0-2][0-9]:[0-5][0-9]$", description = "DAILY only"
                + " (required then): the digest's local time (Asia/Shanghai), HH:mm, outside the quiet hours") String digestAt,
        @Valid @Schema(nullable = true, description = "Only CRITICAL alerts are sent in these hours; the rest waits for the"
                + " next digest (without a digest: until the quiet hours end)") QuietHours quietHours,
        @Schema(nullable = true, defaultValue = "false", example = "true", description = "Also send each published"
                + " monitoring bulletin (简报) of bulletin-service, with its link; a county filter limits them to that"
                + " county's and the city-wide and regional ones") Boolean bulletins) {

    /** Local times, Asia/Shanghai; may run over midnight. */
    @Schema(name = "QuietHours")
    public record QuietHours(
            @Size(max = 5) @Schema(required = true, example = "22:00", pattern = "^[0-2][0-9]:[0-5][0-9]$",
                    description = "Start (inclusive), HH:mm") String from,
            @Size(max = 5) @Schema(required = true, example = "07:00", pattern = "^[0-2][0-9]:[0-5][0-9]$",
                    description = "End (exclusive), HH:mm") String to) {
    }

    /** The recipients of an EMAIL subscription. */
    @Schema(name = "SubscriptionEmail")
    public record Email(
            @Size(max = 20) @Schema(required = true, description = "1 to 20 plain addresses",
                    example = "[\"yujing@lyj.jiaozuo.gov.cn\"]") java.util.List<@Size(max = 254) String> recipients) {
    }

    /** Every non-empty criterion must match; omitted criteria match everything. */
    @Schema(name = "SubscriptionFilter")
    public record Filter(
            @Size(max = 500) @Schema(nullable = true, description = "Species ids of the catalog (observation-service GET /species);"
                    + " not checked here: an id no alert carries matches nothing", example = "[60, 62]") Set<Long> speciesIds,
            @Size(max = 50) @Schema(nullable = true, example = "[\"INSECT\", \"PLANT\"]") Set<String> groups,
            @Size(max = 10) @Schema(nullable = true, example = "[\"410821\", \"410882\"]") Set<String> countyCodes,
            @Schema(nullable = true, example = "HIGH") Severity minSeverity,
            @Schema(nullable = true, example = "[\"INVASIVE_SPECIES\"]") Set<RuleCode> rules) {
    }

    @Schema(name = "Webhook")
    public record Webhook(
            @NotBlank @Size(max = 2000) @Schema(example = "https://lyj.jiaozuo.gov.cn/hooks/alerts", required = true,
                    description = "WEBHOOK: http or https, no user name or password, a public internet address (see the"
                            + " subscriber guide); checked again at every delivery. A robot: its address as the chat app"
                            + " shows it, at the vendor's host (https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…,"
                            + " https://oapi.dingtalk.com/robot/send?access_token=…,"
                            + " https://open.feishu.cn/open-apis/bot/v2/hook/…)") String url,
            @Size(min = 16, max = 500) @Schema(nullable = true, description = "Write-only, never returned. WEBHOOK:"
                    + " required, the HMAC-SHA256 key, at least 16 characters. DINGTALK: the robot's signing secret (加签,"
                    + " starts with SEC) when it signs. FEISHU: the bot's signature secret (签名校验) when set. WECOM: omitted.",
                    example = "s3cr3t-shared-with-the-bureau") String secret) {
    }
}
