// The build failed (invoker.properties) because of the open trust policy: the finding is logged as
// a clickable file:line:col line, the failure names the count by level, files that are no policy
// are skipped silently (package.json, a tsconfig.json that is not even valid JSON, and the
// .assumeguard.yml: 3 files), and the SARIF report is written anyway.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').getText('UTF-8')
def policy = new File(basedir, 'iam/open-role.json').absolutePath

assert log.contains("[ERROR] ${policy}:6:20: error AG101 Principal \"*\" lets any AWS account assume the role")
assert log.contains('[INFO] assumeguard: 1 error in 1 file (3 files skipped)')
assert log.contains('assumeguard: 1 error at or above failOn=warning in 1 file; see the lines above')
assert !log.contains('tsconfig.json')
assert !log.contains('package.json')

def sarif = new JsonSlurper().parse(new File(basedir, 'target/assumeguard.sarif'))
def results = sarif.runs[0].results
assert results.size() == 1
assert results[0].ruleId == 'AG101'
assert results[0].locations[0].physicalLocation.artifactLocation.uri == 'iam/open-role.json'
assert results[0].locations[0].physicalLocation.region.startLine == 6
return true
