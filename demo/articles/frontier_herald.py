"""The Frontier Herald - fictional Peshawar-based daily, Khyber Pakhtunkhwa focus."""
from . import BA, BLA, ISKP, KP, TTP, art, ev

OUTLET = {
    "key": "frontier-herald",
    "name": "The Frontier Herald",
    "gold_name": "Frontier Herald",
    "tagline": "Peshawar's independent morning daily",
    "city": "Peshawar",
}

COMMENTS = [
    ("Gul Zaman", "Same story every year. In 2014 we buried 144 children after the APS attack in Peshawar and still nothing has changed in Swat or Dir."),
    ("Aisha K.", "My cousin was posted in Kohat for 3 years, the police there have no armoured vehicles at all. Who will answer for this?"),
    ("Farhan from Mardan", "Why is the media silent about Charsadda? Two shops were looted there last week and nobody reported it."),
    ("Ibrahim Wazir", "Roads in Miran Shah are still closed after 10 pm. Traders have lost lakhs of rupees since last year."),
    ("Sohail", "May Allah grant patience to the families. 25 years of this war and our children are still paying the price."),
    ("Tahir Jadoon", "Abbottabad and Mansehra are peaceful because the community works with the police. Learn from Hazara division."),
    ("Nida", "The government announced Rs 10 million compensation last time in Nowshera, the families are still waiting."),
    ("Khan Sb", "People in Kurram have been without medicines for 2 months because the Thall road is closed. Please report that too."),
    ("Bilal Afridi", "Where are the 5,000 new police recruits promised in the budget? Not a single one reached our thana in Swabi."),
    ("Rehana", "Journalists in Hangu and Karak face threats daily. Salute to the reporters who still file these stories."),
    ("Usman", "Fencing on the border was supposed to end all this. 2,600 km of fence and still the same headlines."),
    ("Zarak", "I was in Saidu Sharif during 2009, this feels exactly the same. Please do not let history repeat itself."),
]

ARTICLES = [
    art("polio-worker-shot-dead-in-bajaur", "Polio worker shot dead in Bajaur",
        "2024-03-19T08:30:00+05:00", "Arshad Khattak", [
            "KHAR: A polio worker was shot dead by unidentified gunmen in Bajaur tribal district on Monday, a day after the latest anti-polio drive was launched in the region, police said.",
            "According to police officials, Noor Muhammad, 34, was going door to door with his team in Inzari village when two men riding a motorcycle opened fire on him. He died on the spot, while the police constable escorting the team escaped unhurt.",
            "\"The attackers fled towards the mountains. We have cordoned off the area and a search operation is under way,\" a senior police officer told The Frontier Herald by telephone.",
            "No group claimed responsibility for the killing by the time this report was filed. Polio teams have repeatedly come under attack in the former tribal districts, where some militant commanders have long campaigned against vaccination.",
            "Health officials said the campaign had been suspended in the union council for three days. The week-long drive aims to vaccinate more than 250,000 children under the age of five in the district.",
            "The provincial health minister condemned the attack and announced compensation for the family of the deceased. He said the government would not allow \"enemies of children's health\" to derail the campaign, and directed the police to provide additional security to the teams working in sensitive areas.",
        ], events=[
            ev("2024-03-18-bajaur-polio-worker", "targeted_killing", "2024-03-18", KP, "Bajaur", "Inzari",
               killed=1, injured=0, target_type="civilians"),
        ], tags=["targeted_killing"]),

    art("four-construction-workers-kidnapped-in-lakki-marwat", "Four construction workers kidnapped in Lakki Marwat",
        "2024-06-11T09:15:00+05:00", "Our Correspondent", [
            "LAKKI MARWAT: Armed men kidnapped four workers of a private construction company from a road project in the Sarai Naurang area of Lakki Marwat district late on Monday night, police said.",
            "According to the police, around a dozen gunmen arrived at the company's camp on motorcycles, tied up the watchman and took away the four workers, including a site engineer, to an unknown location. The watchman was later found unharmed.",
            "A police official said the abducted men were working on the widening of a link road that connects several villages with the Indus Highway. \"We suspect the involvement of the Pakistani Taliban, who have been extorting money from contractors in the area,\" he said.",
            "Police and personnel of the Counter-Terrorism Department launched a search operation in the surrounding hills and checkpoints were set up on roads leading to the neighbouring districts.",
            "Contractors in the southern districts have complained for months of threatening phone calls and demands for so-called protection money. Several projects have been halted because companies are unwilling to send staff to the area.",
            "Local elders held a jirga in the evening and demanded the safe recovery of the workers. They warned that they would block the highway if the authorities failed to act within three days.",
        ], events=[
            ev("2024-06-10-lakki-marwat-workers-kidnapped", "kidnapping", "2024-06-10", KP, "Lakki Marwat", "Sarai Naurang",
               kidnapped=4, perpetrator=TTP, attribution="blamed", target_type="civilians"),
        ], tags=["kidnapping"]),

    art("six-terrorists-killed-in-mir-ali-operation", "Six terrorists killed in Mir Ali operation: ISPR",
        "2024-09-06T10:00:00+05:00", "Bureau Report", [
            "MIR ALI: Security forces killed six terrorists during an intelligence-based operation in the Mir Ali area of North Waziristan on Thursday, the military's media wing said.",
            "According to a statement issued by the Inter-Services Public Relations (ISPR), the operation was conducted on the reported presence of terrorists in the area. \"During the conduct of the operation, own troops effectively engaged the terrorists' location and after an intense exchange of fire, six terrorists were sent to hell,\" the statement said.",
            "Weapons, ammunition and explosives were also recovered from the killed terrorists, who remained actively involved in numerous terrorist activities against the security forces as well as the killing of innocent civilians, the ISPR added.",
            "A sanitisation operation was being carried out to eliminate any other terrorists found in the area, the statement said, adding that the security forces were determined to wipe out the menace of terrorism from the country.",
            "The former tribal district bordering Afghanistan has seen a steady rise in militant activity over the past two years. Residents of Mir Ali said a curfew had been imposed in several villages and mobile phone service remained suspended for most of the day.",
            "Traders in the local bazaar said shops had remained closed since the morning, and called on the government to restore normal life in the area as soon as possible.",
        ], events=[
            ev("2024-09-05-north-waziristan-ibo-mir-ali", "security_operation", "2024-09-05", KP, "North Waziristan", "Mir Ali",
               attackers_killed=6, target_type="militants"),
        ], tags=["security_operation"]),

    art("seminar-urges-counter-narrative-against-extremism", "Seminar urges youth-led counter-narrative against extremism",
        "2024-11-21T11:20:00+05:00", "Sana Afridi", [
            "PESHAWAR: Speakers at a seminar held at the University of Peshawar on Wednesday stressed the need for a youth-led counter-narrative against extremism and called for greater investment in education in the merged districts.",
            "The seminar, titled \"Peace, Pluralism and the Role of Youth\", was organised by the university's department of peace and conflict studies and attended by students, teachers, religious scholars and civil society activists.",
            "The vice-chancellor said that universities had a responsibility to provide a space for open debate. \"Extremism thrives where questions are not allowed. Our classrooms must become places where young people learn to disagree without violence,\" he said.",
            "A retired police officer who spoke at the event said that policing alone could not defeat militancy. He argued that unemployment and the lack of recreational facilities in the southern districts pushed young men towards armed groups.",
            "A religious scholar from Charsadda said that mosque imams should be trained to respond to extremist propaganda on social media, which he described as the biggest recruiting ground for militant organisations today.",
            "Students presented research posters on radicalisation, online hate speech and the reintegration of former militants. The organisers announced that the seminar would become an annual event and that a second session would be held in Swat next spring.",
        ], tags=["no_incident"]),

    art("two-soldiers-martyred-eight-terrorists-killed-in-khyber", "Two soldiers martyred, eight terrorists killed in Khyber operation",
        "2025-01-15T09:05:00+05:00", "Bureau Report", [
            "PESHAWAR: Eight terrorists were killed and two soldiers were martyred during an intelligence-based operation in Khyber district on Tuesday, the ISPR said.",
            "According to the military's media affairs wing, security forces launched the operation in the Tirah valley on the reported presence of khawarij, the term the state uses for militants of the banned Tehreek-i-Taliban Pakistan.",
            "\"During the operation, own troops effectively engaged the khawarij location and, after an intense exchange of fire, eight khawarij were sent to hell,\" the statement said. \"However, during the intense exchange of fire, two brave sons of the soil, having fought gallantly, embraced shahadat.\"",
            "The ISPR named the martyred soldiers as a naik from Chakwal and a sepoy from Swat. Their funeral prayers were offered at the Peshawar garrison and attended by senior military and civil officers.",
            "Weapons and ammunition were recovered from the militants. \"Security forces of Pakistan are determined to wipe out the menace of terrorism and such sacrifices of our brave soldiers further strengthen our resolve,\" the statement added.",
            "Chief Minister of Khyber Pakhtunkhwa paid tribute to the soldiers and said the nation stood with its armed forces. The operation comes amid a surge in attacks in the province since the beginning of the year.",
        ], events=[
            ev("2025-01-14-khyber-ibo-tirah", "security_operation", "2025-01-14", KP, "Khyber", None,
               killed=2, attackers_killed=8, target_type="militants"),
        ], tags=["security_operation"]),

    art("policeman-martyred-tribal-elder-killed-in-southern-districts", "Policeman martyred, tribal elder killed in separate incidents",
        "2025-02-12T08:45:00+05:00", "Ihsanullah Wazir", [
            "BANNU: A policeman was martyred and two others were injured when militants attacked a police checkpost in Lakki Marwat, while a tribal elder was shot dead in North Waziristan in separate incidents on Tuesday.",
            "In Lakki Marwat, militants armed with heavy weapons attacked the Abdul Khel checkpost late on Tuesday night. Police said the personnel on duty returned fire and the attackers fled under the cover of darkness after a gun battle that lasted almost an hour. Constable Sher Alam was martyred, while two other constables were injured and shifted to the district headquarters hospital.",
            "In the neighbouring Tank district, two policemen were injured when a roadside bomb went off near their van on the Tank-Jandola road. No one was killed in the blast, police said, adding that the vehicle was partially damaged.",
            "Meanwhile, in the Datta Khel area of North Waziristan, unidentified gunmen shot dead a tribal elder, Malik Khan Wali, outside his house. Relatives said he had been part of a peace committee and had received threats in the past.",
            "No group claimed responsibility for any of the three attacks. District police officers said search operations had been launched in all three areas.",
            "The southern districts of Khyber Pakhtunkhwa have been hit hardest by a wave of violence that began after peace talks with militants collapsed. Police officials say their stations lack night-vision equipment and armoured vehicles.",
        ], events=[
            ev("2025-02-11-lakki-marwat-checkpost-attack", "armed_assault", "2025-02-11", KP, "Lakki Marwat", "Abdul Khel",
               killed=1, injured=2, target_type="police"),
            ev("2025-02-11-tank-roadside-bomb-police", "bombing", "2025-02-11", KP, "Tank", "Tank",
               killed=0, injured=2, target_type="police"),
            ev("2025-02-11-north-waziristan-elder-killed", "targeted_killing", "2025-02-11", KP, "North Waziristan", "Datta Khel",
               killed=1, target_type="civilians"),
        ], tags=["roundup"]),

    art("seven-killed-as-suicide-bomber-strikes-bannu-checkpost", "Seven killed as suicide bomber strikes Bannu checkpost",
        "2025-03-05T07:40:00+05:00", "Ihsanullah Wazir", [
            "BANNU: At least seven people, including three soldiers and two children, were killed and 15 others injured when a suicide bomber rammed an explosives-laden vehicle into a security checkpost on the Bannu-Miranshah road on Tuesday evening, officials said.",
            "A senior police official said the blast was so powerful that it destroyed the checkpost and several nearby shops. Two houses were also damaged and a van carrying passengers was caught in the explosion.",
            "\"Four civilians, including two children who were returning from a madressah, lost their lives,\" the official said. Rescue 1122 said the injured were shifted to the District Headquarters Hospital Bannu, where an emergency was declared. Doctors said the condition of some of the injured was critical.",
            "Security forces cordoned off the area and a search operation was launched. No group had claimed responsibility for the bombing by late night.",
            "The prime minister and the chief minister condemned the attack. \"The cowardly enemies of Pakistan cannot shake the resolve of our nation,\" the chief minister said in a statement, directing the authorities to ensure the best possible treatment for the injured.",
            "Bannu has been on edge for months, with residents holding protests demanding peace. Traders announced a strike for Wednesday to mourn the victims.",
        ], events=[
            ev("2025-03-04-bannu-suicide-checkpost", "bombing", "2025-03-04", KP, "Bannu", "Bannu",
               killed=7, injured=15, target_type="security_forces", suicide=True),
        ], tags=["multi_outlet"]),

    art("bomb-defused-near-peshawar-mosque", "Bomb disposal squad defuses explosives near Peshawar mosque",
        "2025-03-21T09:30:00+05:00", "Sana Afridi", [
            "PESHAWAR: The bomb disposal squad on Thursday defused an improvised explosive device planted near a mosque on the outskirts of Peshawar ahead of Friday prayers, police said.",
            "According to a police spokesman, a shopkeeper noticed a suspicious bag near the main gate of the mosque and informed the police. The area was cordoned off and worshippers were moved to a safe distance before the bomb disposal unit reached the spot.",
            "\"The device contained around five kilogrammes of explosives packed with ball bearings and was fitted with a timer. It was defused in time and a major tragedy was averted,\" the spokesman said. No one was hurt.",
            "An officer of the Counter-Terrorism Department said a case had been registered and CCTV footage from the area was being examined to trace the people who had planted the device.",
            "The incident comes just over two weeks after a suicide bombing at a checkpost in Bannu killed 12 people, including two children. Security has since been tightened across the province and police have been told to step up checking at mosques and markets during Ramazan.",
            "The provincial police chief praised the shopkeeper and the bomb disposal staff and announced cash rewards for them. He urged citizens to report any suspicious object or person to the police helpline.",
        ], events=[
            ev("2025-03-20-peshawar-bomb-defused-mosque", "bombing", "2025-03-20", KP, "Peshawar", "Peshawar",
               killed=0, injured=0, target_type="religious"),
        ], tags=["foiled", "recap"]),

    art("zalmi-thrill-home-crowd-at-arbab-niaz", "Zalmi thrill home crowd as cricket returns to Arbab Niaz Stadium",
        "2025-04-09T22:10:00+05:00", "Sports Desk", [
            "PESHAWAR: Thousands of cricket fans packed the renovated Arbab Niaz Stadium on Tuesday night as Peshawar Zalmi beat Quetta Gladiators by six wickets in an exhibition match, marking the return of top-level cricket to the city.",
            "Chasing a target of 178, Zalmi reached home with seven balls to spare, thanks to a brisk half-century by their opening batter, who struck four sixes and six boundaries. The Gladiators had earlier posted a competitive total after a late flourish from their middle order.",
            "The atmosphere in the stands was electric, with families and students waving yellow flags and chanting the names of local heroes. Many spectators said they had waited more than a decade to watch their team play in Peshawar.",
            "\"This is a dream come true for the people of Khyber Pakhtunkhwa. Cricket belongs to Peshawar as much as it belongs to Lahore or Karachi,\" the team's owner told reporters after the match.",
            "Police and traffic wardens made elaborate arrangements for the match and roads around the stadium were closed for several hours. Officials said the event passed off peacefully and thanked the citizens for their cooperation.",
            "The provincial sports department said the stadium would host domestic matches later this year and that it hoped Peshawar would be given a regular slot in the league schedule.",
        ], tags=["no_incident"], section="Sport"),

    art("sub-inspector-shot-dead-in-di-khan", "Sub-inspector shot dead in D.I. Khan; TTP claims responsibility",
        "2025-04-23T08:50:00+05:00", "Our Correspondent", [
            "DERA ISMAIL KHAN: A police sub-inspector was shot dead by unidentified motorcyclists near Kulachi in D.I. Khan district on Tuesday, police said.",
            "Sub-Inspector Ghulam Farid was on his way home after finishing duty when two men on a motorcycle intercepted his car and opened fire. He suffered multiple bullet wounds and died before he could be taken to hospital.",
            "The officer had been posted to the Kulachi police station for the past two years and had taken part in several operations against militants in the area, his colleagues said.",
            "The banned Tehreek-i-Taliban Pakistan (TTP) claimed responsibility for the killing in a statement shared with journalists, saying the officer had been targeted for his role in raids against the group.",
            "Funeral prayers for the slain officer were offered at the police lines and attended by the regional police officer and other senior officials. He was later laid to rest in his ancestral graveyard.",
            "Police officers in DI Khan have been repeatedly targeted this year. The district police chief said a special team had been formed to trace the killers and vowed that the sacrifices of the police would not go in vain.",
        ], events=[
            ev("2025-04-22-di-khan-sub-inspector-killed", "targeted_killing", "2025-04-22", KP, "Dera Ismail Khan", "Kulachi",
               killed=1, perpetrator=TTP, attribution="claimed", target_type="police"),
        ], tags=["targeted_killing"]),

    art("four-khawarij-killed-soldier-martyred-in-wana", "Four khawarij killed, soldier martyred in South Waziristan",
        "2025-05-16T09:00:00+05:00", "Bureau Report", [
            "WANA: Security forces killed four terrorists during an intelligence-based operation near Wana in South Waziristan on Thursday, while a soldier was martyred in the exchange of fire, the ISPR said.",
            "The military's media wing said the operation was launched on the reported presence of khawarij belonging to Fitna al-Khawarij, the state's designation for the banned Tehreek-i-Taliban Pakistan.",
            "\"Own troops effectively engaged the khawarij location and as a result four khawarij were sent to hell,\" the ISPR said. A 26-year-old lance naik from Bannu embraced martyrdom while fighting gallantly, it added.",
            "Weapons and ammunition were recovered and a sanitisation operation was under way to eliminate any other khawarij present in the area, the statement said.",
            "Residents said the roads leading to Wana bazaar were closed during the operation and the sound of heavy gunfire could be heard for several hours. Educational institutions in the area remained closed.",
            "South Waziristan elders have urged the government to involve local communities in the fight against militancy, arguing that military operations alone have displaced thousands of families over the years.",
        ], events=[
            ev("2025-05-15-south-waziristan-ibo-wana", "security_operation", "2025-05-15", KP, "South Waziristan", "Wana",
               killed=1, attackers_killed=4, target_type="militants"),
        ], tags=["security_operation"]),

    art("five-killed-as-gunmen-ambush-passenger-van-in-kurram", "Five killed as gunmen ambush passenger van in Kurram",
        "2025-06-04T08:20:00+05:00", "Our Correspondent", [
            "PARACHINAR: Five people, including a woman, were killed and three others injured when unidentified gunmen opened fire on a passenger van near Alizai in Kurram district on Tuesday, officials said.",
            "According to the district administration, the van was travelling from Parachinar to Thall when it came under fire from the mountains overlooking the road. The driver lost control and the vehicle overturned.",
            "\"The attackers fired from both sides of the road. Five passengers died on the spot and three were seriously injured,\" a local administration official said. The injured were shifted to the District Headquarters Hospital in Parachinar.",
            "No group claimed responsibility for the attack. Security forces reached the spot and launched a search operation in the surrounding areas, and traffic on the main road was suspended.",
            "Kurram has witnessed recurring tribal and sectarian violence, and the main highway linking the district with the rest of the country has remained closed for long periods, causing shortages of food and medicines.",
            "Elders from both communities appealed for calm and urged the government to implement the peace agreement signed earlier this year. The provincial government spokesman said the culprits would be brought to justice.",
        ], events=[
            ev("2025-06-03-kurram-passenger-van-ambush", "armed_assault", "2025-06-03", KP, "Kurram", "Alizai",
               killed=5, injured=3, target_type="transport"),
        ], tags=["armed_assault"]),

    art("nine-killed-in-suicide-blast-at-anp-convention-in-bajaur", "Nine killed in suicide blast at ANP convention in Bajaur",
        "2025-07-07T07:55:00+05:00", "Arshad Khattak", [
            "KHAR: At least nine people were killed and 22 others injured when a suicide bomber blew himself up at a workers' convention of the Awami National Party (ANP) in Khar, the headquarters of Bajaur district, on Sunday afternoon.",
            "Police said the bomber entered the marquee where around 400 party workers had gathered and detonated his explosives near the stage shortly after the local party president started his speech.",
            "\"The bodies of nine people have been brought to the hospital. Some of the injured are in critical condition and the death toll may rise,\" a doctor at the District Headquarters Hospital Khar said. Critically injured patients were airlifted to Peshawar.",
            "A senior police official said initial investigations pointed to the Islamic State Khorasan Province (ISKP), which has targeted political gatherings in the district in the past. \"The pattern of this attack matches earlier ISKP attacks,\" he said.",
            "ANP leaders condemned the bombing and announced three days of mourning. \"Our workers have been sacrificing their lives for peace for decades,\" the party's provincial president said.",
            "The Khyber Pakhtunkhwa government announced compensation for the families of the victims and ordered an inquiry into the security arrangements for the convention.",
        ], events=[
            ev("2025-07-06-bajaur-anp-convention-suicide", "bombing", "2025-07-06", KP, "Bajaur", "Khar",
               killed=9, injured=22, perpetrator=ISKP, attribution="blamed", target_type="political", suicide=True),
        ], tags=["multi_outlet"]),

    art("quetta-blast-toll-rises-to-nine", "Quetta blast toll rises to nine as injured policeman succumbs",
        "2025-08-08T09:40:00+05:00", "News Desk", [
            "QUETTA: The death toll from Tuesday's bomb blast in Quetta rose to nine on Thursday after an injured policeman succumbed to his wounds at the Combined Military Hospital, officials said.",
            "The explosion, which targeted a police patrol vehicle on a busy road in the provincial capital, had initially killed five people, including three policemen. Three more victims died in hospital on Wednesday. Hospital sources said the number of injured under treatment stood at 15.",
            "Balochistan government spokesman said the attack was the work of Fitna al-Hindustan, the term the government uses for the Baloch Liberation Army and other separatist groups. \"These terrorists are enemies of Balochistan's development,\" he told a press conference.",
            "Funeral prayers for the policeman were held at the police lines in Quetta, where the inspector general of police and the chief secretary laid wreaths.",
            "A Counter-Terrorism Department case was registered against unknown persons. Officials said investigators had collected evidence from the site and were examining CCTV footage from nearby shops.",
            "Traders in Quetta observed a partial strike to protest against the deteriorating law and order situation. Security was tightened across Balochistan, including at entry and exit points of the city.",
        ], events=[
            ev("2025-08-05-quetta-police-vehicle-blast", "bombing", "2025-08-05", BA, "Quetta", "Quetta",
               killed=9, injured=15, perpetrator=BLA, attribution="blamed", target_type="police"),
        ], tags=["multi_outlet"]),

    art("mobile-tower-blown-up-in-tank", "Militants blow up mobile phone tower in Tank",
        "2025-08-13T08:35:00+05:00", "Our Correspondent", [
            "TANK: Unidentified militants blew up a mobile phone tower on the outskirts of Tank city late on Tuesday night, suspending cellular services in several villages, police said.",
            "According to police, the attackers planted explosives at the base of the tower and detonated them after the security guard was forced to leave the site. The tower collapsed but there were no casualties.",
            "Officials of the telecommunication company said repairs could take at least two weeks. Residents complained that the disruption had cut them off from relatives, banks and emergency services.",
            "No group claimed responsibility for the attack. Police said militants had earlier destroyed telecom infrastructure in the area to hamper communication and intelligence gathering by the security forces.",
            "The attack comes a month after a suicide bombing at an Awami National Party convention in Bajaur killed 14 people, an attack claimed by the Islamic State Khorasan Province. The provincial government has since ordered heightened security across the province.",
            "Tank's deputy commissioner said additional police would be deployed to guard telecom installations and other public infrastructure in the district.",
        ], events=[
            ev("2025-08-12-tank-mobile-tower-blown", "infrastructure_attack", "2025-08-12", KP, "Tank", "Tank",
               killed=0, injured=0, target_type="infrastructure"),
        ], tags=["infrastructure", "recap"]),

    art("anti-polio-drive-begins-across-province", "Anti-polio drive begins across province amid tight security",
        "2025-09-03T10:15:00+05:00", "Sana Afridi", [
            "PESHAWAR: A week-long anti-polio campaign began across Khyber Pakhtunkhwa on Tuesday, with health teams aiming to vaccinate more than six million children under the age of five.",
            "The Emergency Operations Centre said more than 30,000 teams had been formed for the campaign, including mobile teams, fixed teams at health facilities and transit teams stationed at bus terminals and border crossings.",
            "Officials said police would accompany the teams in the southern districts, where vaccination campaigns have previously faced resistance. Parents who refuse to vaccinate their children would be counselled by religious scholars and local elders, they said.",
            "\"Every child missed is a risk for the entire community. The virus does not recognise district boundaries,\" the provincial coordinator for polio eradication said while inaugurating the campaign by administering drops to children at a health centre in Peshawar.",
            "Pakistan and Afghanistan remain the only two countries where wild poliovirus is still endemic. Environmental samples from several cities in the province have tested positive this year, officials said.",
            "The coordinator urged the media to help counter misinformation about the vaccine, which he said was safe and had been endorsed by religious scholars across the country.",
        ], tags=["no_incident"]),

    art("seven-policemen-martyred-in-attack-on-di-khan-training-school", "Seven policemen martyred as militants storm D.I. Khan police training school",
        "2025-10-15T06:50:00+05:00", "Ihsanullah Wazir", [
            "DERA ISMAIL KHAN: Seven policemen were martyred and 13 others injured when heavily armed militants stormed a police training school in Dera Ismail Khan on Tuesday night, officials said.",
            "According to police, the attackers first opened fire on the main gate and then entered the compound, where dozens of recruits were present. An exchange of fire between the attackers and police and security forces continued for several hours.",
            "\"Three attackers have been killed so far and the clearance operation is still under way,\" the regional police officer told reporters near the site in the early hours of Wednesday.",
            "Security officials blamed Fitna al-Khawarij, the state's term for the banned Tehreek-i-Taliban Pakistan, for the attack. \"The khawarij are being supported from across the border,\" an official said.",
            "The injured, including several recruits, were shifted to the District Headquarters Hospital, where an emergency was declared. Roads leading to the training school were sealed and people living in nearby houses were asked to stay indoors.",
            "The prime minister condemned the attack and paid tribute to the policemen. The chief minister said the sacrifices of the Khyber Pakhtunkhwa police would always be remembered.",
        ], events=[
            ev("2025-10-14-di-khan-police-training-school-attack", "armed_assault", "2025-10-14", KP, "Dera Ismail Khan", "Dera Ismail Khan",
               killed=7, injured=13, attackers_killed=3, perpetrator=TTP, attribution="blamed", target_type="police"),
        ], tags=["multi_outlet"]),

    art("three-terrorists-killed-in-datta-khel", "Three terrorists killed in Datta Khel operation",
        "2025-10-29T09:25:00+05:00", "Bureau Report", [
            "MIRAN SHAH: Security forces killed three terrorists in an intelligence-based operation in the Datta Khel area of North Waziristan on Tuesday, the ISPR said.",
            "According to the military's media wing, the operation was carried out on the reported presence of khawarij in the area. \"After an intense exchange of fire, three khawarij were neutralised,\" the statement said, adding that weapons and explosives were recovered.",
            "The ISPR said the killed militants were involved in attacks on security forces and in the targeted killing of civilians in the area. A sanitisation operation was being conducted to clear the area of any remaining militants.",
            "The operation comes two weeks after militants stormed a police training school in DI Khan, killing 10 policemen in one of the deadliest attacks on the provincial police this year. The TTP had claimed that attack.",
            "Residents of Datta Khel said the main road to the Afghan border was closed during the operation and markets remained shut. Many families had stocked up on food in anticipation of a prolonged curfew.",
            "Tribal elders appealed to the authorities to compensate people whose homes were damaged in earlier operations and to reopen the schools that have been closed since the beginning of the year.",
        ], events=[
            ev("2025-10-28-north-waziristan-ibo-datta-khel", "security_operation", "2025-10-28", KP, "North Waziristan", "Datta Khel",
               attackers_killed=3, target_type="militants"),
        ], tags=["security_operation", "recap"]),

    art("atc-hands-death-sentence-in-2016-market-bombing-case", "ATC hands death sentence to two convicts in 2016 market bombing case",
        "2025-11-11T13:05:00+05:00", "Court Reporter", [
            "PESHAWAR: An anti-terrorism court in Peshawar on Monday sentenced two men to death on multiple counts for facilitating a bombing at a city market nearly a decade ago.",
            "The court found the convicts guilty of providing shelter and transport to the bomber who carried out the attack in 2016. The prosecution produced 34 witnesses, including survivors, police officials and forensic experts, during the trial.",
            "The judge also sentenced the convicts to a combined fine of Rs2 million and ordered that the amount be paid to the families of the victims as compensation. A third accused was acquitted for lack of evidence.",
            "The defence counsel said he would challenge the verdict in the Peshawar High Court, arguing that the confessional statements of his clients were recorded under duress.",
            "The public prosecutor welcomed the judgment and said it showed that the justice system could deliver in terrorism cases, even if it took time. \"The families of the victims have waited nine years for this day,\" he told reporters outside the court.",
            "Legal experts have long complained about delays in terrorism trials due to a shortage of judges, weak investigation and the reluctance of witnesses to testify out of fear.",
        ], tags=["no_incident"]),

    art("three-policemen-injured-in-grenade-attack-on-landi-kotal-police-station", "Three policemen injured in grenade attack on Landi Kotal police station",
        "2025-11-26T08:10:00+05:00", "Our Correspondent", [
            "LANDI KOTAL: Three policemen were injured when unidentified men hurled a hand grenade at the Landi Kotal police station in Khyber district on Tuesday evening, police said.",
            "According to the police, the grenade exploded in the courtyard of the police station where several personnel were present. The injured were shifted to the Landi Kotal hospital and later referred to Peshawar. There was no loss of life.",
            "Police said the attackers fled on foot towards a nearby market. Officials said the area was cordoned off and a search operation was launched, and several suspects had been taken into custody for questioning.",
            "No group claimed responsibility for the attack. Police stations in the Khyber agency, as the district was known before the merger of the tribal areas, have faced a growing number of grenade and sniper attacks in recent months.",
            "The district police officer visited the injured and said the morale of the force was high. He said that additional sandbag bunkers and watchtowers would be built at police stations in the district.",
            "Traders in Landi Kotal said the attack had created fear in the town, which is an important stop on the road to the Torkham border crossing.",
        ], events=[
            ev("2025-11-25-khyber-grenade-landi-kotal-police-station", "bombing", "2025-11-25", KP, "Khyber", "Landi Kotal",
               killed=0, injured=3, target_type="police"),
        ], tags=["grenade"]),

    art("apex-committee-approves-new-security-plan-for-southern-districts", "Apex committee approves new security plan for southern districts",
        "2025-12-10T17:30:00+05:00", "Staff Reporter", [
            "PESHAWAR: The provincial apex committee on Tuesday approved a new security plan for the southern districts of Khyber Pakhtunkhwa, including the creation of a dedicated counter-terrorism force and the installation of safe city cameras in Bannu and Dera Ismail Khan.",
            "The meeting, chaired by the chief minister and attended by the corps commander, the chief secretary and the inspector general of police, reviewed the overall law and order situation in the province.",
            "According to an official statement, the committee approved funds for the purchase of armoured vehicles, night-vision equipment and drones for the police. It also decided to raise two new battalions of the Elite Force.",
            "The meeting was told that coordination between the police, the Counter-Terrorism Department and the intelligence agencies had improved. The participants agreed that the merged districts needed special attention in terms of development and jobs.",
            "The committee also directed the relevant departments to speed up the registration of Afghan nationals and to take action against illegal arms shops and hate speech on social media.",
            "The chief minister said the province had rendered countless sacrifices in the war against terrorism and would not allow peace to be sabotaged.",
        ], tags=["no_incident"]),

    art("sho-constable-martyred-in-lakki-marwat-ied-blast", "SHO, constable martyred in Lakki Marwat IED blast",
        "2025-12-21T08:05:00+05:00", "Ihsanullah Wazir", [
            "LAKKI MARWAT: A station house officer and a constable were martyred and another policeman was injured when their vehicle was hit by a roadside bomb in Lakki Marwat on Saturday, police said.",
            "Police said the team, led by the SHO of the Sarai Naurang police station, was returning from a raid when the improvised explosive device went off. The vehicle was badly damaged in the blast.",
            "The injured constable was shifted to the district hospital where his condition was stated to be stable. The bodies of the two martyred policemen were shifted to the police lines.",
            "The TTP claimed responsibility for the attack in a statement to the media, saying the police team had been targeted because of its involvement in operations against the group's fighters.",
            "The district police officer said the martyred SHO had been part of several successful operations and had received threats from militants. \"Such cowardly acts cannot lower the morale of the police,\" he said.",
            "Lakki Marwat has been one of the districts worst affected by militancy this year, with frequent attacks on police posts and officers. Local police have staged protests demanding better equipment and more manpower.",
        ], events=[
            ev("2025-12-20-lakki-marwat-ied-police", "bombing", "2025-12-20", KP, "Lakki Marwat", "Sarai Naurang",
               killed=2, injured=1, perpetrator=TTP, attribution="claimed", target_type="police"),
        ], tags=["bombing"]),
]
