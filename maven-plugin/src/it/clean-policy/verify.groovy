// A good trust policy passes; the SARIF report is written with an empty result list.
import groovy.json.JsonSlurper

def log = new File(basedir, 'build.log').getText('UTF-8')
assert log.contains('[INFO] assumeguard: No findings in 1 file (1 file skipped).')
assert log.contains('BUILD SUCCESS')

def sarif = new JsonSlurper().parse(new File(basedir, 'target/assumeguard.sarif'))
assert sarif.version == '2.1.0'
assert sarif.runs.size() == 1
assert sarif.runs[0].tool.driver.name == 'assumeguard'
assert sarif.runs[0].results == []
return true
