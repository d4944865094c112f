locals {
  ag105_good_tooling_account = "444455556666"
}

resource "aws_iam_role" "ag105_good" {
  name = "ag105-good"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "arn:aws:iam::${local.ag105_good_tooling_account}:role/ci-deployer" }
    }]
  })
}
