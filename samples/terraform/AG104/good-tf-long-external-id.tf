resource "aws_iam_role" "ag104_good" {
  name = "ag104-good"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { AWS = "arn:aws:iam::111122223333:role/vendor" }
      Condition = { StringEquals = { "sts:ExternalId" = "5b1f0a9e-7c3d-4e2f" } }
    }]
  })
}
