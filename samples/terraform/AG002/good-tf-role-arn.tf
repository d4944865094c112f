resource "aws_iam_role" "ag002_good" {
  name = "ag002-good"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "arn:aws:iam::111122223333:role/deployer" }
    }]
  })
}
