locals {
  ag105_tooling_account = "444455556666"
}

resource "aws_iam_role" "ag105_bad" {
  name = "ag105-bad"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "arn:aws:iam::${local.ag105_tooling_account}:root" }
    }]
  })
}
