#!/bin/bash
# CRLF line endings, tabs and multi-byte text: 日本語 😀 — "quotes", 100% done
aws workmail put-identity-provider-configuration --organization-id m-0123456789abcdef0123456789abcdef \
	--authentication-mode IDENTITY_PROVIDER_ONLY --identity-center-configuration "InstanceArn=😀,ApplicationArn=日本" \
  --personal-access-token-configuration Status=ÄCTIVE,LifetimeInDays=٣٠,Ëxtra=x
