#!/bin/bash
# Overrides: the option wins, the document's LifetimeInDays is still read.
aws workmail put-identity-provider-configuration --cli-input-json file://.inputs/request.json \
  --personal-access-token-configuration Status=INACTIVE --organization-id file://.inputs/org-id.txt

aws workmail put-identity-provider-configuration --cli-input-json file://.inputs/request.json --cli-input-yaml file://.inputs/request.json
aws workmail put-identity-provider-configuration --cli-input-json file://.inputs/missing.json
aws workmail put-identity-provider-configuration --cli-input-json file:///etc/passwd
aws workmail put-identity-provider-configuration --cli-input-json file://~/request.json
aws workmail put-identity-provider-configuration --cli-input-json '{"OrganizationId": "m-0123456789abcdef0123456789abcdef", "AuthenticationMode": "IDENTITY_PROVIDER_ONLY"}'
