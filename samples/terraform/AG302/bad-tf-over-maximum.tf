resource "aws_iam_role" "ag302_bad" {
  name = "ag302-bad"
  max_session_duration = 60000
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "ec2.amazonaws.com" }
    }]
  })
}
