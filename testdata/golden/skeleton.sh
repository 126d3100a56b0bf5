#!/bin/bash
aws workmail put-identity-provider-configuration --generate-cli-skeleton input
aws workmail put-identity-provider-configuration --generate-cli-skeleton --organization-id m-1
