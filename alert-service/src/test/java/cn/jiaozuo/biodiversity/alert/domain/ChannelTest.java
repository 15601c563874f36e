package cn.jiaozuo.biodiversity.alert.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A robot's address must be its vendor's, with its credential; the credential is never shown whole. */
class ChannelTest {

    @Test
    void the_vendors_addresses_are_accepted() {
        assertTrue(Channel.WECOM.urlRefusal("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx", false).isEmpty());
        assertTrue(Channel.DINGTALK.urlRefusal("https://oapi.dingtalk.com/robot/send?access_token=abc", false).isEmpty());
        assertTrue(Channel.FEISHU.urlRefusal("https://open.feishu.cn/open-apis/bot/v2/hook/0f1e2d", false).isEmpty());
    }

    @Test
    void another_host_scheme_or_path_is_refused_unless_the_operator_allowed_the_receiver() {
        assertTrue(Channel.WECOM.urlRefusal("https://evil.example/cgi-bin/webhook/send?key=k", false).isPresent());
        assertTrue(Channel.WECOM.urlRefusal("http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k", false).isPresent());
        assertTrue(Channel.DINGTALK.urlRefusal("https://oapi.dingtalk.com/other?access_token=k", false).isPresent());
        assertTrue(Channel.DINGTALK.urlRefusal("https://oapi.dingtalk.com:8443/robot/send?access_token=k", false).isPresent());
        assertTrue(Channel.FEISHU.urlRefusal("https://open.feishu.cn.evil.example/open-apis/bot/v2/hook/x", false).isPresent());
        assertTrue(Channel.DINGTALK.urlRefusal("http://127.0.0.1:9000/hook?access_token=k", true).isEmpty());
    }

    @Test
    void an_address_without_the_credential_is_refused_even_at_an_allowed_receiver() {
        assertTrue(Channel.WECOM.urlRefusal("https://qyapi.weixin.qq.com/cgi-bin/webhook/send", false).orElseThrow()
                .contains("key parameter"));
        assertTrue(Channel.DINGTALK.urlRefusal("http://127.0.0.1:9000/hook?access_token=", true).isPresent());
        assertTrue(Channel.FEISHU.urlRefusal("https://open.feishu.cn/open-apis/bot/v2/hook/", false).isPresent());
    }

    @Test
    void the_credential_is_shown_by_its_first_four_characters() {
        assertEquals("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a…",
                Channel.WECOM.displayUrl("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx"));
        assertEquals("https://oapi.dingtalk.com/robot/send?access_token=abcd…",
                Channel.DINGTALK.displayUrl("https://oapi.dingtalk.com/robot/send?access_token=abcdef123"));
        assertEquals("https://open.feishu.cn/open-apis/bot/v2/hook/0f1e…",
                Channel.FEISHU.displayUrl("https://open.feishu.cn/open-apis/bot/v2/hook/0f1e2d3c"));
        assertEquals("https://lyj.example/hook?key=x", Channel.WEBHOOK.displayUrl("https://lyj.example/hook?key=x"));
    }
}
