locals {
  ag302_session_seconds = 60 * 60
}

resource "aws_iam_role" "ag302_good" {
  name = "ag302-good"
  max_session_duration = local.ag302_session_seconds
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "ec2.amazonaws.com" }
    }]
  })
}
