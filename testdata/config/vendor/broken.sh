#!/bin/bash
aws workmail put-identity-provider-configuration --organization-id nope
