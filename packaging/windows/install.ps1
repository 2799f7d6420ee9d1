<#
.SYNOPSIS
    Installs sriov-agent as a Windows service.

.DESCRIPTION
    Copies sriov-agent.jar into the install directory, writes config.json next to it, registers the service
    with "java -jar sriov-agent.jar service install" (automatic start, restart on failure, runs as
    NT AUTHORITY\LocalService), starts it and checks GET /healthz on the listener.

    The listener defaults to 127.0.0.1:9798, which is what the Application Health extension probes. This script
    opens no firewall port, whatever -Listen says.

    An existing installation is stopped and replaced. Needs an elevated PowerShell (Windows PowerShell 4.0 or
    later, so that it runs on Windows Server 2012 R2 as shipped) and Java 17 or later.

.PARAMETER InstallDir
    Where the jar and config.json go. Default: "$env:ProgramFiles\sriov-agent".

.PARAMETER Listen
    HOST:PORT of the agent's HTTP listener. Default: 127.0.0.1:9798.

.PARAMETER JavaHome
    A Java 17+ installation. Default: $env:JAVA_HOME, else the java.exe found on PATH.

.PARAMETER Jar
    The sriov-agent.jar to install. Default: the one next to this script.

.PARAMETER HealthTimeoutSeconds
    How long to wait for the agent to answer on /healthz after the start. Default: 60.

.EXAMPLE
    .\install.ps1
.EXAMPLE
    .\install.ps1 -JavaHome 'C:\Program Files\Microsoft\jdk-17.0.12.7-hotspot' -Listen 127.0.0.1:9900
#>
[CmdletBinding()]
param(
    [string] $InstallDir = (Join-Path $env:ProgramFiles 'sriov-agent'),
    [string] $Listen = '127.0.0.1:9798',
    [string] $JavaHome = $env:JAVA_HOME,
    [string] $Jar = (Join-Path $PSScriptRoot 'sriov-agent.jar'),
    [int] $HealthTimeoutSeconds = 60
)

Set-StrictMode -Version Latest
$ErrorActionPreference = 'Stop'

$ServiceName = 'sriov-agent'
# NT AUTHORITY\LocalService by SID, so the grant works on every display language.
$LocalServiceSid = '*S-1-5-19'

function Assert-Administrator {
    $identity = [Security.Principal.WindowsIdentity]::GetCurrent()
    $principal = New-Object Security.Principal.WindowsPrincipal($identity)
    if (-not $principal.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)) {
        throw 'Run this script from an elevated PowerShell (Run as Administrator).'
    }
}

function Resolve-Java([string] $JavaDir) {
    if ($JavaDir) {
        $java = Join-Path $JavaDir 'bin\java.exe'
        if (-not (Test-Path -LiteralPath $java -PathType Leaf)) {
            throw "No java.exe under '$JavaDir\bin'; pass -JavaHome with a Java 17+ installation."
        }
    } else {
        $command = Get-Command 'java.exe' -CommandType Application -ErrorAction SilentlyContinue |
            Select-Object -First 1
        if ($null -eq $command) {
            throw 'Java not found: install Java 17+ and pass -JavaHome, or set JAVA_HOME.'
        }
        $java = $command.Path
    }
    $output = Invoke-Native $java @('-version')
    if ($output.Text -notmatch 'version "(\d+)(\.(\d+))?') {
        throw "Cannot tell the version of '$java': $($output.Text)"
    }
    $major = [int] $Matches[1]
    if ($major -eq 1 -and $Matches[3]) { $major = [int] $Matches[3] }
    if ($major -lt 17) {
        throw "'$java' is Java $major; sriov-agent needs Java 17 or later."
    }
    return $java
}

# Runs a native program and returns its exit code and combined output. Windows PowerShell turns stderr lines
# into error records, which would stop the script under ErrorActionPreference=Stop: relax it for the call.
function Invoke-Native([string] $Program, [string[]] $Arguments) {
    $previous = $ErrorActionPreference
    $ErrorActionPreference = 'Continue'
    try {
        $lines = & $Program @Arguments 2>&1 | ForEach-Object { "$_" }
        $code = $LASTEXITCODE
    } finally {
        $ErrorActionPreference = $previous
    }
    return New-Object PSObject -Property @{ ExitCode = $code; Text = ($lines -join [Environment]::NewLine) }
}

function Test-Listen([string] $Value) {
    if ($Value -notmatch '^(\[[0-9A-Fa-f:.]+\]|[^:\s\[\]]+):(\d{1,5})$' -or [int] $Matches[2] -gt 65535) {
        throw "-Listen must be HOST:PORT (e.g. 127.0.0.1:9798), not '$Value'."
    }
    return New-Object PSObject -Property @{ Host = $Matches[1]; Port = [int] $Matches[2] }
}

function Test-Loopback([string] $HostName) {
    return $HostName -eq 'localhost' -or $HostName -like '127.*' -or $HostName -eq '[::1]'
}

# GET without any proxy (a system proxy must not see loopback requests); $null when nothing answers.
function Get-Healthz([string] $Url) {
    $request = [System.Net.HttpWebRequest]::Create($Url)
    $request.Proxy = $null
    $request.Timeout = 5000
    $request.AllowAutoRedirect = $false
    try {
        $response = $request.GetResponse()
    } catch {
        $web = $_.Exception
        while ($null -ne $web -and -not ($web -is [System.Net.WebException])) { $web = $web.InnerException }
        if ($null -eq $web -or $null -eq $web.Response) { return $null }
        $response = $web.Response
    }
    try {
        $reader = New-Object System.IO.StreamReader($response.GetResponseStream())
        $body = $reader.ReadToEnd().Trim()
        return New-Object PSObject -Property @{ Status = [int] $response.StatusCode; Body = $body }
    } finally {
        $response.Close()
    }
}

function Wait-ServiceGone([string] $Name, [int] $Seconds) {
    $deadline = (Get-Date).AddSeconds($Seconds)
    while (Get-Service -Name $Name -ErrorAction SilentlyContinue) {
        if ((Get-Date) -gt $deadline) {
            throw "Service '$Name' is still registered after $Seconds s; close the Services console and retry."
        }
        Start-Sleep -Milliseconds 500
    }
}

Assert-Administrator
$endpoint = Test-Listen $Listen
if (-not (Test-Path -LiteralPath $Jar -PathType Leaf)) {
    throw "sriov-agent.jar not found at '$Jar'; pass -Jar."
}
$java = Resolve-Java $JavaHome
Write-Host "Java: $java"

if (Get-Service -Name $ServiceName -ErrorAction SilentlyContinue) {
    Write-Host "Replacing the installed $ServiceName service."
    Stop-Service -Name $ServiceName -ErrorAction SilentlyContinue
    $removed = Invoke-Native $java @('-jar', $Jar, 'service', 'uninstall')
    if ($removed.ExitCode -ne 0) {
        throw "Removing the old service failed: $($removed.Text)"
    }
    Wait-ServiceGone $ServiceName 30
}

New-Item -ItemType Directory -Path $InstallDir -Force | Out-Null
$installedJar = Join-Path $InstallDir 'sriov-agent.jar'
if ((Resolve-Path -LiteralPath $Jar).Path -ne [IO.Path]::GetFullPath($installedJar)) {
    Copy-Item -LiteralPath $Jar -Destination $installedJar -Force
}

# UTF-8 without byte-order mark: Windows PowerShell's own UTF8 encodings write one.
$configPath = Join-Path $InstallDir 'config.json'
$config = New-Object PSObject -Property @{ listen = $Listen }
[IO.File]::WriteAllText($configPath, ($config | ConvertTo-Json), (New-Object Text.UTF8Encoding($false)))

# The service runs as LocalService: it needs to read the jar and the config, nothing more.
$granted = Invoke-Native 'icacls.exe' @($InstallDir, '/grant', "${LocalServiceSid}:(OI)(CI)RX", '/T', '/Q')
if ($granted.ExitCode -ne 0) {
    throw "Granting LocalService read access to '$InstallDir' failed: $($granted.Text)"
}

$installed = Invoke-Native $java @('-jar', $installedJar, 'service', 'install', '--config', $configPath)
if ($installed.ExitCode -ne 0) {
    throw "Registering the service failed: $($installed.Text)"
}
if ($installed.Text) { Write-Host $installed.Text }

Start-Service -Name $ServiceName
Write-Host "Service $ServiceName started."

if (-not (Test-Loopback $endpoint.Host)) {
    Write-Warning ("The agent listens on $Listen, but this script opened no firewall port. Open one yourself " +
        'only if something outside this VM must reach it.')
}

$checkHost = $endpoint.Host
if ($checkHost -eq '0.0.0.0') { $checkHost = '127.0.0.1' }
if ($checkHost -eq '[::]') { $checkHost = '[::1]' }
$url = "http://${checkHost}:$($endpoint.Port)/healthz"
$deadline = (Get-Date).AddSeconds($HealthTimeoutSeconds)
do {
    $health = Get-Healthz $url
    if ($null -ne $health) { break }
    Start-Sleep -Seconds 2
} while ((Get-Date) -lt $deadline)

if ($null -eq $health) {
    throw ("$url did not answer within $HealthTimeoutSeconds s. See the service's state with " +
        "'Get-Service $ServiceName' and the System event log (source: Service Control Manager).")
}
if ($health.Status -eq 200) {
    Write-Host "$url answered 200: accelerated networking is healthy."
} else {
    Write-Warning "The agent runs, but $url answered $($health.Status): $($health.Body)"
    Write-Warning "See 'java -jar `"$installedJar`" check' for the failing checks."
}
exit 0
