package org.rectiflow.notification;

/** Where a delivery goes: the inbox (always), e-mail (per person), a group's robot in WeCom or DingTalk. */
public enum Channel {

	INBOX, EMAIL, WECOM, DINGTALK

}
